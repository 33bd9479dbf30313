'use strict';
/*
 * Notifications beyond the console (README "Notifications"): everyone's settings (browser notifications allowed on a
 * click, what applies to them, their own e-mail address) and, for ADMIN and the CS head, the subscriptions of the
 * departments and roles. While the console is open, what the user is subscribed to in the browser is shown as a
 * browser notification (Notifications API) as it arrives on the user's own notification stream
 * (/api/streams/notifications), which the console opens once, on every page, whatever the role.
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

  // ---- browser notifications from the user's notification stream ---------------------------------------------------

  const TIMES = ['dueAt', 'reportedAt', 'submittedAt'];
  let source = null;
  let generation = 0;
  /** The id of the last notification received: a stream opened again (a new token) goes on after it. */
  let lastId = null;
  let lastUser = null;
  /** The events shown in this tab, so that one is never shown twice (a stream opened again goes back a little). */
  const shown = new Set();

  function stopWatching() {
    if (source) {
      source.close();
      source = null;
    }
    Alpine.store('notificationStream').connected = false;
  }

  /** The notification's text: each of its facts on a line, labelled in the console's language. */
  function text(data) {
    if (!data.facts) {
      return data.subject || '';
    }
    return Object.entries(data.facts).map(([fact, value]) => Kefu.t('notifications.fact.' + fact) + ': '
      + (TIMES.includes(fact) ? Kefu.fmt.dateTime(value) : value)).join('\n');
  }

  function show(data) {
    if (shown.has(data.eventId) || !supported() || Notification.permission !== 'granted') {
      return;
    }
    shown.add(data.eventId);
    const notification = new Notification(Kefu.t('notifications.kind.' + data.kind),
      { body: text(data), tag: data.eventId });
    notification.onclick = () => {
      window.focus();
      if (data.page) {
        Kefu.go(data.page);
      }
      notification.close();
    };
  }

  /**
   * Opens the signed-in user's notification stream, once for the whole console (whatever page is shown), when the
   * browser may show notifications: the gateway sends what the user's role or department is subscribed to in the
   * browser, of their own department only for a DEPARTMENT user (README "Notifications").
   */
  function watch() {
    const mine = ++generation;
    stopWatching();
    const session = Alpine.store('session');
    if (session.user !== lastUser) {
      // another user's place in the stream is not theirs
      lastUser = session.user;
      lastId = null;
      shown.clear();
    }
    if (!session.token || !supported() || Notification.permission !== 'granted') {
      return;
    }
    const opened = new EventSource('/api/streams/notifications?access_token=' + encodeURIComponent(session.token)
      + (lastId ? '&lastEventId=' + encodeURIComponent(lastId) : ''));
    source = opened;
    opened.addEventListener('subscribed', () => {
      Alpine.store('notificationStream').connected = true;
    });
    opened.addEventListener('notification', event => {
      lastId = event.lastEventId || lastId;
      try {
        show(JSON.parse(event.data));
      } catch (e) { /* not a notification */ }
    });
    opened.addEventListener('error', () => {
      Alpine.store('notificationStream').connected = false;
      // the browser reconnects by itself with the token it opened the stream with; once that has ended (401) it
      // gives up, and the stream is opened again with the current one
      if (opened.readyState === EventSource.CLOSED && source === opened) {
        setTimeout(() => { if (generation === mine) { watch(); } }, 1000);
      }
    });
  }

  Kefu.watchBrowserNotifications = watch;

  document.addEventListener('alpine:init', () => {
    Alpine.store('notificationStream', { connected: false });
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
