'use strict';
/*
 * Notifications beyond the console (README "Notifications"): everyone's settings (browser notifications allowed on a
 * click, what applies to them, their own e-mail address) and, for ADMIN and the CS head, the subscriptions of the
 * departments and roles. While the console is open, what the user is subscribed to in the browser is shown as a
 * browser notification (Notifications API) when it arrives on the live streams the console reads: the department's
 * stream (assignments and deadlines of a DEPARTMENT user's own department), the escalations (SUPERVISOR, CS_HEAD) and
 * the dashboard (fires and deadlines, for the roles that read it).
 */
(function () {
  // every user's (a link in the bar, beside the password's, not a menu entry)
  Kefu.route({ path: '/notifications', page: 'notifications-settings' });

  const KINDS = ['assigned', 'deadline-approaching', 'deadline-missed', 'escalated', 'fire',
    'script-awaiting-approval'];
  const CHANNELS = ['email', 'browser'];
  const ROLES = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'CS_MANAGER', 'DEPARTMENT', 'BROADCASTER',
    'AUDITOR', 'ADMIN'];

  function supported() {
    return 'Notification' in window;
  }

  // ---- browser notifications from the live streams -----------------------------------------------------------------

  let sources = [];
  let generation = 0;

  function stopWatching() {
    sources.forEach(source => source.close());
    sources = [];
  }

  function show(kind, text, page, tag) {
    if (!supported() || Notification.permission !== 'granted') {
      return;
    }
    const notification = new Notification(Kefu.t('notifications.kind.' + kind), { body: text || '', tag });
    notification.onclick = () => {
      window.focus();
      if (page) {
        Kefu.go(page);
      }
      notification.close();
    };
  }

  function open(path, handlers) {
    const source = new EventSource(path + (path.includes('?') ? '&' : '?') + 'access_token='
      + encodeURIComponent(Kefu.token()));
    Object.entries(handlers).forEach(([name, handle]) => source.addEventListener(name, event => {
      try {
        handle(JSON.parse(event.data));
      } catch (e) { /* not for us */ }
    }));
    sources.push(source);
  }

  /** (Re)starts the streams for the signed-in user's browser subscriptions; none without permission. */
  async function watch() {
    const mine = ++generation;
    stopWatching();
    const session = Alpine.store('session');
    if (!session.token || !supported() || Notification.permission !== 'granted') {
      return;
    }
    const answer = await Kefu.get('/api/notifications/subscriptions/mine');
    if (!answer.ok || mine !== generation) {
      return;
    }
    const kinds = new Set(answer.body.browser);
    const complaint = data => '/complaints/' + data.complaintId;
    if (session.is('DEPARTMENT') && session.department) {
      const handlers = {};
      [['complaint-assigned', 'assigned'], ['complaint-deadline-approaching', 'deadline-approaching'],
        ['complaint-deadline-missed', 'deadline-missed']].forEach(([event, kind]) => {
        if (kinds.has(kind)) {
          handlers[event] = data => show(kind, data.number, complaint(data), data.eventId);
        }
      });
      if (Object.keys(handlers).length) {
        open('/api/streams/departments/' + encodeURIComponent(session.department), handlers);
      }
    }
    if (session.is('SUPERVISOR', 'CS_HEAD') && kinds.has('escalated')) {
      let known = null;
      const seen = data => {
        const ids = new Set(data.escalations.map(e => e.complaintId));
        if (known) {
          data.escalations.filter(e => !known.has(e.complaintId))
            .forEach(e => show('escalated', e.number, '/escalations', 'escalated-' + e.complaintId));
        }
        known = ids;
      };
      open('/api/streams/escalations', { snapshot: seen, update: seen });
    }
    const boardKinds = ['fire', 'deadline-approaching', 'deadline-missed'].filter(kind => kinds.has(kind));
    if (session.is('CS_HEAD', 'SUPERVISOR', 'CS_MANAGER', 'AUDITOR') && boardKinds.length
        && !session.is('DEPARTMENT')) {
      let fires = null;
      let approaching = null;
      let missed = null;
      const seen = data => {
        const fireIds = new Set((data.openFires || []).map(f => f.incidentId));
        const warned = new Set((data.deadlinesApproaching || []).map(d => d.complaintId + ':' + d.stage));
        const missedToday = data.deadlinesMissedToday ? data.deadlinesMissedToday.count : 0;
        if (fires && kinds.has('fire')) {
          (data.openFires || []).filter(f => !fires.has(f.incidentId))
            .forEach(f => show('fire', f.place, '/desk/incidents/' + f.incidentId, 'fire-' + f.incidentId));
        }
        if (approaching && kinds.has('deadline-approaching')) {
          (data.deadlinesApproaching || []).filter(d => !approaching.has(d.complaintId + ':' + d.stage))
            .forEach(d => show('deadline-approaching', d.number, complaint(d), 'due-' + d.complaintId + d.stage));
        }
        if (missed !== null && kinds.has('deadline-missed') && missedToday > missed) {
          show('deadline-missed', String(missedToday), '/missed-deadlines', 'missed-' + missedToday);
        }
        fires = fireIds;
        approaching = warned;
        missed = missedToday;
      };
      open('/api/streams/dashboard', { snapshot: seen, update: seen });
    }
  }

  Kefu.watchBrowserNotifications = watch;

  document.addEventListener('alpine:init', () => {
    // the session's token changes at sign-in, sign-out and each renewal: the streams follow it
    Alpine.effect(() => {
      const token = Alpine.store('session').token;
      if (token !== undefined) {
        watch();
      }
    });

    Alpine.data('notificationSettings', () => ({
      KINDS,
      CHANNELS,
      ROLES,
      permission: supported() ? Notification.permission : 'unsupported',
      mine: null,
      email: '',
      emailSaved: false,
      emailProblem: null,
      subscriptions: [],
      problem: null,
      saved: '',
      draft: { audienceType: 'department', audience: '' },

      get editor() {
        return Alpine.store('session').is('ADMIN', 'CS_HEAD');
      },

      async init() {
        const [mine, me] = await Promise.all([Kefu.get('/api/notifications/subscriptions/mine'),
          Kefu.get('/api/users/me')]);
        this.mine = mine.ok ? mine.body : null;
        this.email = me.ok && me.body.email ? me.body.email : '';
        if (this.editor) {
          await this.load();
        }
      },

      async load() {
        const answer = await Kefu.get('/api/notifications/subscriptions');
        this.problem = answer.ok ? null : answer.problem;
        this.subscriptions = answer.ok ? answer.body.map(s => ({ ...s, addressesText: s.addresses.join('\n') })) : [];
      },

      /** Asked on the user's click, as browsers require. */
      async allow() {
        if (!supported()) {
          return;
        }
        this.permission = await Notification.requestPermission();
        watch();
      },

      editable(s) {
        return Alpine.store('session').is('ADMIN') || s.audienceType === 'department';
      },

      has(s, channel, kind) {
        return s[channel].includes(kind);
      },

      flip(s, channel, kind) {
        s[channel] = s[channel].includes(kind) ? s[channel].filter(k => k !== kind) : s[channel].concat([kind]);
      },

      key(s) {
        return s.audienceType + ':' + s.audience;
      },

      async save(s) {
        const addresses = s.addressesText.split(/[\n,;]+/).map(a => a.trim()).filter(a => a);
        const answer = await Kefu.api('PUT', '/api/notifications/subscriptions/' + encodeURIComponent(s.audienceType)
          + '/' + encodeURIComponent(s.audience), { email: s.email, browser: s.browser, addresses });
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.saved = this.key(answer.body);
          await this.load();
        }
      },

      add() {
        const audience = this.draft.audience.trim();
        if (!audience) {
          return;
        }
        const s = { audienceType: this.draft.audienceType, audience, email: [], browser: [], addresses: [],
          addressesText: '' };
        if (!this.subscriptions.some(x => this.key(x) === this.key(s))) {
          this.subscriptions.push(s);
        }
        this.draft = { audienceType: 'department', audience: '' };
      },

      audienceLabel(s) {
        return s.audienceType === 'role' ? Kefu.t('role.' + s.audience) : s.audience;
      },

      async saveEmail() {
        const answer = await Kefu.api('PUT', '/api/users/me/email', { email: this.email.trim() || null });
        this.emailProblem = answer.ok ? null : answer.problem;
        this.emailSaved = answer.ok;
        if (answer.ok) {
          this.email = answer.body.email || '';
          const mine = await Kefu.get('/api/notifications/subscriptions/mine');
          this.mine = mine.ok ? mine.body : this.mine;
        }
      },
    }));
  });
})();
