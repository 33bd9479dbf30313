'use strict';
/*
 * The front desk's duty log (dutylog-service): the shift's page with its entries and corrections (D1–D3), the
 * emergency incident form with its on-site photos (D4, D10), reported with or without a shift open (D12), a fire's
 * checklist ticked step by step (D13), a guest taken ill or drunk or an accident told to the CS manager and the CS
 * head at once (D14), the handover wizard that shows every reason a handover is refused (D6–D8), the handover
 * accepted by the incoming person under their own sign-in or refused (D15) and lost and found (D9).
 */
(function () {
  const WRITERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const READERS = WRITERS.concat(['SUPERVISOR', 'AUDITOR']);

  Kefu.route({ path: '/desk/shift', page: 'desk-shift', roles: WRITERS, nav: 'desk.nav.shift', order: 50 });
  Kefu.route({ path: '/desk/shift/:id', page: 'desk-shift', roles: READERS });
  Kefu.route({ path: '/desk/incident', page: 'desk-incident', roles: WRITERS, nav: 'desk.nav.incident', order: 51 });
  Kefu.route({ path: '/desk/incidents/:id', page: 'desk-incident', roles: READERS });
  Kefu.route({ path: '/desk/handover', page: 'desk-handover', roles: WRITERS, nav: 'desk.nav.handover', order: 52 });
  Kefu.route({ path: '/desk/lost', page: 'desk-lost', roles: WRITERS, nav: 'desk.nav.lost', order: 53 });

  /** D2's categories; a complaint call is not typed: it comes from complaint-service by itself (D11). */
  const CATEGORIES = ['COMPLAINT_CALL', 'THEFT', 'FIRE', 'WIND', 'WATER', 'ELECTRICITY', 'FIGHT', 'STAFF_VIOLATION',
    'TENANT_MOVE_IN', 'TENANT_MOVE_OUT', 'CONSTRUCTION', 'OTHER'];
  const TYPED = CATEGORIES.filter(c => c !== 'COMPLAINT_CALL');
  const EMERGENCIES = ['FIRE', 'THEFT', 'WIND', 'WATER', 'ELECTRICITY', 'FIGHT', 'STAFF_VIOLATION', 'CONSTRUCTION',
    'OTHER'];
  /** Who an incident befell, told to the CS manager and the CS head at once (篇2 B3, D14). */
  const KINDS = ['GUEST_ILL', 'GUEST_DRUNK', 'GUEST_ACCIDENT', 'STAFF_ACCIDENT'];
  const SHIFT = 'kefu.desk.shift';
  /** Where a found item can be (dutylog-service's LostItem.Custody). */
  const CUSTODIES = ['STORED', 'RETURNED', 'DISPOSED'];
  const LOST_PAGE_SIZE = 50;
  const INCIDENT_REF = 'incident:';

  /** A date-time field's value ('YYYY-MM-DDTHH:mm', the browser's time) for an instant. */
  function localInput(date) {
    const d = new Date(date);
    const pad = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':'
      + pad(d.getMinutes());
  }

  function instant(value) {
    return value ? new Date(value).toISOString() : null;
  }

  function blank(text) {
    return text === null || text === undefined || String(text).trim() === '' ? null : String(text).trim();
  }

  /** The signed day's addendum a write entered (D12), or null when it went onto the page. */
  function addendumOf(written) {
    return written.addendum ? { n: written.addendum, day: written.dutyDay } : null;
  }

  function category(name) {
    return Kefu.has('desk.category.' + name) ? Kefu.t('desk.category.' + name) : name;
  }

  /** The shift this desk works on: the one it opened last, while it is open; else the shift on duty. */
  async function currentShift() {
    const mine = localStorage.getItem(SHIFT);
    if (mine) {
      const answer = await Kefu.get('/api/shifts/' + encodeURIComponent(mine));
      if (answer.ok && answer.body.open) {
        return answer;
      }
    }
    return Kefu.get('/api/shifts/current');
  }

  /**
   * A reason of a refused handover (HandOverShiftCommand.refusals) in the user's words; a reason this console does
   * not know reads as the service wrote it.
   */
  const REASONS = [
    [/^(major|emergency) incident (\S+) \((\w+) at (.*)\) is not resolved yet/, m => Kefu.t(
      m[1] === 'major' ? 'desk.reason.majorIncident' : 'desk.reason.emergencyIncident',
      { category: category(m[3]), location: m[4], id: m[2].substring(0, 8) })],
    [/^MAJOR complaint (\S+) is not resolved yet/, m => Kefu.t('desk.reason.majorComplaint', { number: m[1] })],
    [/^preparation incomplete: the shift's records have not been read/, () => Kefu.t('desk.reason.recordsRead')],
    [/^preparation incomplete: the items have not been counted/, () => Kefu.t('desk.reason.itemsCounted')],
    [/^preparation incomplete: the office equipment has not been checked/,
      () => Kefu.t('desk.reason.equipmentChecked')],
    [/^item '(.*)' \((\d+)\) has not been checked face to face/,
      m => Kefu.t('desk.reason.itemUnchecked', { name: m[1], quantity: Kefu.fmt.number(Number(m[2])) })],
    [/^the incoming person (.*) is unfit for duty and no substitute has been named/,
      m => Kefu.t('desk.reason.incomingUnfit', { incoming: m[1] })],
    [/^the shift must be taken over by someone else than (.*) \(D6\)$/,
      m => Kefu.t('desk.reason.samePerson', { person: m[1] })],
  ];

  function reason(text) {
    for (const [pattern, say] of REASONS) {
      const m = pattern.exec(text);
      if (m) {
        return say(m);
      }
    }
    return text;
  }

  /** The incidents a refused handover names as still open (their ids), to go and resolve them. */
  function blockingIncidents(problem) {
    const incident = /^(?:major|emergency) incident (\S+) \((\w+) at (.*)\) is not/;
    return Kefu.problem(problem).reasons.map(r => incident.exec(r)).filter(m => m)
      .map(m => ({ id: m[1], category: m[2], location: m[3] }));
  }

  document.addEventListener('alpine:init', () => {

    // ---- the shift's page of the duty log ------------------------------------------------------------------------

    Alpine.data('deskShift', () => ({
      categories: TYPED,
      shift: null,
      loading: true,
      incidents: {},
      post: '',
      openProblem: null,
      busy: false,
      entry: null,
      entryProblem: null,
      saved: null,
      /** Where the last write went when its day was already signed: {n, day}, the day's addendum (D12). */
      savedAddendum: null,
      correcting: null,
      correction: { description: '', handling: '', outcome: '' },
      correctionProblem: null,

      init() {
        this.resetEntry();
        this.load();
      },

      get writer() {
        return this.$store.session.is(...WRITERS);
      },

      resetEntry() {
        this.entry = { occurredAt: localInput(new Date()), category: '', description: '', handling: '', outcome: '' };
      },

      async load() {
        const id = this.$params.id;
        const answer = id ? await Kefu.get('/api/shifts/' + encodeURIComponent(id)) : await currentShift();
        this.loading = false;
        this.shift = answer.ok ? answer.body : null;
        if (this.shift) {
          this.loadIncidents();
        }
      },

      async loadIncidents() {
        const ids = this.shift.entries.map(e => e.reference || '').filter(r => r.startsWith(INCIDENT_REF))
          .map(r => r.substring(INCIDENT_REF.length));
        for (const id of ids) {
          const answer = await Kefu.get('/api/incidents/' + encodeURIComponent(id));
          if (answer.ok) {
            this.incidents = { ...this.incidents, [id]: answer.body };
          }
        }
      },

      async open() {
        this.busy = true;
        const answer = await Kefu.post('/api/shifts', { post: this.post.trim() });
        this.busy = false;
        this.openProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          localStorage.setItem(SHIFT, answer.body.id);
          Kefu.go('/desk/shift/' + answer.body.id);
        }
      },

      /** The number of an entry on its page, as the corrections refer to it. */
      number(entryId) {
        return this.shift.entries.findIndex(e => e.id === entryId) + 1;
      },

      incidentOf(entry) {
        const ref = entry.reference || '';
        return ref.startsWith(INCIDENT_REF) ? ref.substring(INCIDENT_REF.length) : null;
      },

      category,

      carried(kind) {
        const carried = this.shift && this.shift.carriedOver;
        return carried && Array.isArray(carried[kind]) ? carried[kind] : [];
      },

      async record() {
        this.busy = true;
        const e = this.entry;
        const answer = await Kefu.post('/api/shifts/' + this.shift.id + '/entries', {
          occurredAt: instant(e.occurredAt), category: e.category || null, description: e.description,
          handling: blank(e.handling), outcome: blank(e.outcome),
        });
        this.busy = false;
        this.entryProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.saved = answer.body.id;
          this.savedAddendum = addendumOf(answer.body);
          this.resetEntry();
          await this.reload();
        }
      },

      startCorrection(entry) {
        this.correcting = entry.id;
        this.correction = { description: entry.description, handling: entry.handling || '',
          outcome: entry.outcome || '' };
        this.correctionProblem = null;
        this.$nextTick(() => document.getElementById('correction-description')?.focus());
      },

      async correct() {
        this.busy = true;
        const c = this.correction;
        const answer = await Kefu.post('/api/shifts/' + this.shift.id + '/entries/' + this.correcting
          + '/corrections', { description: c.description, handling: blank(c.handling), outcome: blank(c.outcome) });
        this.busy = false;
        this.correctionProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.correcting = null;
          this.saved = answer.body.id;
          this.savedAddendum = addendumOf(answer.body);
          await this.reload();
        }
      },

      async reload() {
        const answer = await Kefu.get('/api/shifts/' + this.shift.id);
        if (answer.ok) {
          this.shift = answer.body;
          this.loadIncidents();
        }
      },
    }));

    // ---- the emergency incident form ---------------------------------------------------------------------------

    Alpine.data('deskIncident', () => ({
      categories: EMERGENCIES,
      kinds: KINDS,
      shift: null,
      incident: null,
      loading: true,
      form: null,
      problem: null,
      busy: false,
      file: null,
      uploadProblem: null,
      uploaded: null,
      thumbnails: {},
      outcome: '',
      resolveProblem: null,
      /** What the desk writes beside each open step of a fire: a note when done, the reason when not needed. */
      stepTexts: {},
      stepProblems: {},
      stepMissingReason: '',
      noticeProblem: null,
      printProblem: null,

      init() {
        this.form = { category: '', kind: '', major: false, location: '', reporter: '', description: '',
          occurredAt: localInput(new Date()),
          fire: { fireLocation: '', burning: '', flame: false, smoke: false, heading: '' } };
        this.load();
      },

      destroy() {
        Object.values(this.thumbnails).forEach(url => URL.revokeObjectURL(url));
      },

      category,

      get fire() {
        return this.form.category === 'FIRE';
      },

      /** A guest taken ill or drunk is a matter for management (OTHER, 篇3 C) unless the desk names another. */
      kindChosen() {
        if (this.form.kind && !this.form.category) {
          this.form.category = 'OTHER';
        }
      },

      /** The roles of the signed-in user still to be told of this incident (D14). */
      get noticeForMe() {
        const notice = this.incident && this.incident.notice;
        return !!notice && notice.waiting.some(role => this.$store.session.is(role));
      },

      async acknowledge() {
        this.busy = true;
        const answer = await Kefu.post('/api/incidents/' + this.incident.id + '/notice/acknowledgement');
        this.busy = false;
        this.noticeProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.incident = answer.body;
        }
      },

      async load() {
        if (this.$params.id) {
          await this.loadIncident();
        } else {
          const answer = await currentShift();
          this.shift = answer.ok ? answer.body : null;
        }
        this.loading = false;
      },

      /** The emergency incident form with its photos as the bilingual printable page (D4), in a new tab. */
      async printForm() {
        this.printProblem = await Kefu.printable('/api/incidents/' + encodeURIComponent(this.incident.id)
          + '/incident-form');
      },

      async loadIncident() {
        const answer = await Kefu.get('/api/incidents/' + encodeURIComponent(this.$params.id));
        this.incident = answer.ok ? answer.body : null;
        this.problem = answer.ok ? null : answer.problem;
        if (this.incident) {
          this.incident.photos.forEach(photo => this.thumbnail(photo));
        }
      },

      /** A photo is served with the user's token only, so the page fetches it and shows the bytes. */
      async thumbnail(photo) {
        if (this.thumbnails[photo.id]) {
          return;
        }
        const response = await fetch(photo.href, { headers: { Authorization: 'Bearer ' + Kefu.token() } });
        if (response.ok) {
          this.thumbnails = { ...this.thumbnails, [photo.id]: URL.createObjectURL(await response.blob()) };
        }
      },

      async report() {
        this.busy = true;
        const f = this.form;
        const body = {
          // an emergency is reported with no shift open too: the next shift opened takes its entry in (D12)
          shiftId: this.shift ? this.shift.id : null, category: f.category || null, location: f.location,
          description: f.description, reporter: f.reporter, major: this.fire || f.major,
          occurredAt: instant(f.occurredAt), kind: f.kind || null,
        };
        if (this.fire) {
          body.fire = { ...f.fire, heading: blank(f.fire.heading) };
        }
        const answer = await Kefu.post('/api/incidents', body);
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          Kefu.go('/desk/incidents/' + answer.body.id);
        }
      },

      chosen(event) {
        this.file = event.target.files.length ? event.target.files[0] : null;
        this.uploadProblem = null;
        this.uploaded = null;
      },

      async upload() {
        if (!this.file) {
          return;
        }
        this.busy = true;
        const data = new FormData();
        data.append('file', this.file, this.file.name);
        const answer = await Kefu.api('POST', '/api/incidents/' + this.incident.id + '/photos', data);
        this.busy = false;
        this.uploadProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.uploaded = answer.body.id;
          this.file = null;
          this.$refs.file.value = '';
          await this.loadIncident();
        }
      },

      get writer() {
        return this.$store.session.is(...WRITERS);
      },

      /** A fire's steps (D13), in the rulebook's order as the service gives them; none for other incidents. */
      get fireSteps() {
        const checklist = this.incident && this.incident.fireChecklist;
        return checklist ? checklist.steps : [];
      },

      get openSteps() {
        const checklist = this.incident && this.incident.fireChecklist;
        return checklist ? checklist.open : [];
      },

      stepName(step) {
        return Kefu.has('desk.fire.step.' + step) ? Kefu.t('desk.fire.step.' + step) : step;
      },

      /** Ticks a step of the fire's checklist as done now, with the note written beside it, if any. */
      async stepDone(step) {
        await this.recordStep(step, '', { note: blank(this.stepTexts[step]) });
      },

      /** Marks a step of the fire's checklist not needed: only with the reason written beside it. */
      async stepNotNeeded(step) {
        const reason = blank(this.stepTexts[step]);
        this.stepMissingReason = reason ? '' : step;
        if (!reason) {
          this.stepProblems = { ...this.stepProblems, [step]: null };
          document.getElementById('fire-step-text-' + step)?.focus();
          return;
        }
        await this.recordStep(step, '/not-needed', { reason });
      },

      async recordStep(step, path, body) {
        this.busy = true;
        const answer = await Kefu.post('/api/incidents/' + this.incident.id + '/fire-steps/' + step + path, body);
        this.busy = false;
        this.stepMissingReason = '';
        this.stepProblems = { ...this.stepProblems, [step]: answer.ok ? null : answer.problem };
        if (answer.ok) {
          this.incident = answer.body;
          this.stepTexts = { ...this.stepTexts, [step]: '' };
          this.resolveProblem = null;
        }
      },

      async resolve() {
        this.busy = true;
        const answer = await Kefu.post('/api/incidents/' + this.incident.id + '/resolve', { outcome: this.outcome });
        this.busy = false;
        this.resolveProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.incident = answer.body;
          this.incident.photos.forEach(photo => this.thumbnail(photo));
        }
      },

      size(bytes) {
        return bytes < 1024 ? Kefu.t('desk.photo.bytes', { n: Kefu.fmt.number(bytes) })
          : Kefu.t('desk.photo.kilobytes', { n: Kefu.fmt.number(bytes / 1024, 1) });
      },
    }));

    // ---- the handover wizard --------------------------------------------------------------------------------------

    Alpine.data('deskHandover', () => ({
      steps: ['preparation', 'items', 'matters', 'incoming'],
      step: 0,
      shift: null,
      loading: true,
      draft: null,
      problem: null,
      busy: false,
      handedOver: null,
      next: null,
      /** The incoming person's side (D15): their password at this desk, a late reason, why they refuse. */
      acceptance: { password: '', lateReason: '', reason: '' },
      acceptProblem: null,

      async init() {
        this.draft = this.empty();
        const answer = await currentShift();
        this.shift = answer.ok ? answer.body : null;
        this.loading = false;
        this.draft = this.restore();
        // the draft outlives a visit to the incident form that holds the handover up
        this.$watch('draft', draft => {
          if (this.shift) {
            sessionStorage.setItem(this.key(), JSON.stringify(draft));
          }
        });
      },

      key() {
        return 'kefu.desk.handover.' + (this.shift ? this.shift.id : '');
      },

      empty() {
        return { preparation: { recordsRead: false, itemsCounted: false, equipmentChecked: false },
          items: [], openMatters: [], instructions: [], incoming: '', incomingFit: true, substitute: '',
          lateReason: '' };
      },

      restore() {
        const empty = this.empty();
        try {
          const saved = this.shift && JSON.parse(sessionStorage.getItem(this.key()) || 'null');
          return saved ? { ...empty, ...saved } : empty;
        } catch (e) {
          return empty;
        }
      },

      go(step) {
        this.step = Math.max(0, Math.min(this.steps.length - 1, step));
        this.$nextTick(() => this.$root.querySelectorAll('.step-title')[this.step]?.focus());
      },

      addItem() {
        this.draft.items.push({ name: '', quantity: 1, checked: false });
      },

      addMatter() {
        this.draft.openMatters.push({ subject: '', cause: '', course: '', result: '' });
      },

      addInstruction() {
        this.draft.instructions.push({ from: '', text: '' });
      },

      remove(list, index) {
        this.draft[list].splice(index, 1);
      },

      reason,

      get blocking() {
        return blockingIncidents(this.problem);
      },

      category,

      /** Past the post's shift time and its grace (D15): the handover is late and says why. */
      get late() {
        return !!(this.shift && this.shift.handoverLateAfter && Date.now() > Date.parse(this.shift.handoverLateAfter));
      },

      /** The handover proposed and waiting for the incoming person (D15), while the shift is open. */
      get proposal() {
        return this.shift && this.shift.open ? this.shift.handoverProposal : null;
      },

      get takenOverBy() {
        const p = this.proposal;
        return p ? (p.incomingFit ? p.incoming : p.substitute) : '';
      },

      /** Whether the signed-in user is the person it was proposed to: they accept without a password. */
      get mine() {
        return this.takenOverBy === this.$store.session.user;
      },

      /** The incoming person's token: their own sign-in, or their password typed at this desk (D15). */
      async incomingToken() {
        if (this.mine) {
          return { ok: true, token: null };
        }
        const answer = await Kefu.api('POST', '/api/auth/token',
          { username: this.takenOverBy, password: this.acceptance.password });
        this.acceptance.password = '';
        return answer.ok ? { ok: true, token: answer.body.access_token } : answer;
      },

      async accept() {
        this.busy = true;
        const signed = await this.incomingToken();
        const answer = signed.ok ? await Kefu.api('POST', '/api/shifts/' + this.shift.id + '/handover/acceptance',
          { lateReason: blank(this.acceptance.lateReason) }, { token: signed.token }) : signed;
        this.busy = false;
        this.acceptProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          if (localStorage.getItem(SHIFT) === this.shift.id) {
            localStorage.setItem(SHIFT, answer.body.next.id);
          }
          this.shift = answer.body.handedOver;
          this.next = answer.body.next;
          this.handedOver = answer.body.handedOver.handover;
        }
      },

      async refuse() {
        this.busy = true;
        const signed = await this.incomingToken();
        const answer = signed.ok ? await Kefu.api('POST', '/api/shifts/' + this.shift.id + '/handover/refusal',
          { reason: this.acceptance.reason }, { token: signed.token }) : signed;
        this.busy = false;
        this.acceptProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.acceptance.reason = '';
          this.shift = answer.body;
        }
      },

      /** A late handover's reasons, the outgoing person's and the incoming person's. */
      lateReasons(shift) {
        const reasons = [shift.handoverProposal && shift.handoverProposal.lateReason,
          shift.handoverAcceptance && shift.handoverAcceptance.lateReason].filter(r => r);
        return reasons.join('; ');
      },

      async handOver() {
        this.busy = true;
        const d = this.draft;
        const answer = await Kefu.post('/api/shifts/' + this.shift.id + '/handover', {
          incoming: d.incoming.trim(), incomingFit: d.incomingFit,
          substitute: d.incomingFit ? null : blank(d.substitute),
          preparation: d.preparation,
          items: d.items.map(i => ({ name: i.name, quantity: Number(i.quantity), checked: i.checked })),
          openMatters: d.openMatters.map(m => ({ subject: m.subject, cause: blank(m.cause), course: blank(m.course),
            result: blank(m.result) })),
          instructions: d.instructions.map(i => ({ from: blank(i.from), text: i.text })),
          lateReason: this.late ? blank(d.lateReason) : null,
        });
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          // proposed: the shift stays open until the incoming person accepts it (D8, D15)
          this.shift = answer.body;
        }
      },
    }));

    // ---- lost and found ----------------------------------------------------------------------------------------

    Alpine.data('deskLost', () => ({
      custodies: CUSTODIES,
      filter: { custody: 'STORED', from: '', to: '' },
      result: { items: [], total: 0 },
      page: 0,
      size: LOST_PAGE_SIZE,
      loading: true,
      listProblem: null,
      chains: {},
      form: null,
      problem: null,
      busy: false,
      registered: null,
      lookup: '',
      lookupProblem: null,
      looked: null,
      claiming: null,
      claim: null,
      claimProblem: null,
      handedOut: null,

      init() {
        this.resetForm();
        this.load();
        // an item found by the search (#/desk/lost?item=…) opens at once
        const item = Alpine.store('route').query.get('item');
        if (item) {
          this.lookup = item;
          this.find();
        }
      },

      resetForm() {
        this.form = { description: '', foundBy: '', foundAt: localInput(new Date()), foundWhere: '', handedTo: '',
          storedAt: '' };
      },

      /** The page of items the filter lets through, the most recently found first (GET /api/lost-items). */
      async load() {
        this.loading = true;
        const answer = await Kefu.get('/api/lost-items' + Kefu.query({ ...this.filter, page: this.page,
          size: this.size }));
        this.loading = false;
        this.listProblem = answer.ok ? null : answer.problem;
        this.result = answer.ok ? answer.body : { items: [], total: 0 };
      },

      filtered() {
        this.page = 0;
        this.load();
      },

      go(page) {
        this.page = page;
        this.load();
      },

      get pages() {
        return Math.max(1, Math.ceil(this.result.total / this.size));
      },

      /** An item's chain of custody, read when its row is opened (the list does not carry it). */
      async loadChain(id) {
        const answer = await Kefu.get('/api/lost-items/' + encodeURIComponent(id));
        if (answer.ok) {
          this.chains = { ...this.chains, [id]: answer.body.chainOfCustody };
        }
      },

      async register() {
        this.busy = true;
        const f = this.form;
        const answer = await Kefu.post('/api/lost-items', { ...f, foundAt: instant(f.foundAt) });
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.registered = answer.body.id;
          this.resetForm();
          await this.load();
        }
      },

      async find() {
        const id = this.lookup.trim();
        if (!id) {
          return;
        }
        const answer = await Kefu.get('/api/lost-items/' + encodeURIComponent(id));
        this.lookupProblem = answer.ok ? null : answer.problem;
        this.looked = answer.ok ? answer.body : null;
        if (answer.ok) {
          this.lookup = '';
        }
      },

      step(item, name) {
        return (item.chainOfCustody || []).find(s => s.step === name) || {};
      },

      startClaim(item) {
        this.claiming = { id: item.id, description: item.description };
        this.claim = { claimant: '', identityChecked: false, identityDocument: '' };
        this.claimProblem = null;
        this.handedOut = null;
        this.$nextTick(() => document.getElementById('claim-claimant')?.focus());
      },

      async handOut() {
        this.busy = true;
        const c = this.claim;
        const answer = await Kefu.post('/api/lost-items/' + this.claiming.id + '/claim', {
          claimant: c.claimant, identityChecked: c.identityChecked, identityDocument: blank(c.identityDocument),
        });
        this.busy = false;
        this.claimProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.handedOut = this.claiming.description;
          this.claiming = null;
          if (this.looked && this.looked.id === answer.body.id) {
            this.looked = answer.body;
          }
          if (this.chains[answer.body.id]) {
            this.chains = { ...this.chains, [answer.body.id]: answer.body.chainOfCustody };
          }
          await this.load();
        }
      },

      custodyClass(custody) {
        return custody === 'STORED' ? 'warn' : custody === 'RETURNED' ? 'ok' : '';
      },
    }));
  });
})();
