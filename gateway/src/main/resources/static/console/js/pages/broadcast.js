'use strict';
/*
 * Broadcasting (B1–B7): the broadcaster's scripts with their Chinese and Russian texts side by side, the day's plan,
 * the programme log and the equipment; the supervisor's approval queue. A read right after an action already
 * shows it (the service keeps its views in the command's transaction).
 */
(function () {
  const READERS = ['BROADCASTER', 'SUPERVISOR', 'AUDITOR', 'CS_HEAD'];
  // the programmes of B1; a script may name another one, which is then shown as written
  const PROGRAMMES = ['OPENING', 'CLOSING', 'PROMOTIONS', 'NOTICES', 'LOST_CHILD', 'EMERGENCY'];
  const STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

  Kefu.route({ path: '/broadcast/approvals', page: 'broadcast-approvals', roles: ['SUPERVISOR'],
    nav: 'broadcast.nav.approvals', order: 70 });
  Kefu.route({ path: '/broadcast/scripts', page: 'broadcast-scripts', roles: READERS,
    nav: 'broadcast.nav.scripts', order: 71 });
  Kefu.route({ path: '/broadcast/scripts/:id', page: 'broadcast-script', roles: READERS });
  Kefu.route({ path: '/broadcast/plan', page: 'broadcast-plan', roles: READERS, nav: 'broadcast.nav.plan', order: 72 });
  Kefu.route({ path: '/broadcast/airings', page: 'broadcast-airings', roles: READERS,
    nav: 'broadcast.nav.airings', order: 73 });
  Kefu.route({ path: '/broadcast/equipment', page: 'broadcast-equipment', roles: READERS,
    nav: 'broadcast.nav.equipment', order: 74 });

  /** Names and badges shared by the pages: codes of the service shown in the user's language. */
  const names = {
    programmes: PROGRAMMES,
    statuses: STATUSES,
    programmeName(code) {
      return code && Kefu.has('broadcast.programme.' + code) ? Kefu.t('broadcast.programme.' + code) : (code || '');
    },
    statusName(status) {
      return status ? Kefu.t('broadcast.status.' + status) : '';
    },
    statusBadge(status) {
      return { APPROVED: 'badge ok', REJECTED: 'badge danger', WITHDRAWN: 'badge danger', SUBMITTED: 'badge warn' }[status]
        || 'badge';
    },
    flagName(flag) {
      return Kefu.has('broadcast.flag.' + flag) ? Kefu.t('broadcast.flag.' + flag) : flag;
    },
    languageName(language) {
      return language ? Kefu.t('broadcast.language.' + language) : '';
    },
    day(value) {
      return value ? Kefu.fmt.date(value + 'T00:00:00') : '';
    },
    clock(value) {
      return value ? String(value).substring(0, 5) : '';
    },
    validity(script) {
      if (!script.validFrom && !script.validUntil) {
        return Kefu.t('broadcast.validity.open');
      }
      return Kefu.t('broadcast.validity.range', { from: this.day(script.validFrom) || '…',
        until: this.day(script.validUntil) || '…' });
    },
  };

  /** Approve or reject a submitted script (B3): the supervisor's decision, with its refusal where there is one. */
  const decisions = {
    async approve(script, form) {
      form.busy = true;
      form.problem = null;
      const body = { validFrom: form.validFrom || null, validUntil: form.validUntil || null };
      const answer = await Kefu.post(`/api/scripts/${script.id}/approve`, body);
      form.busy = false;
      if (!answer.ok) {
        form.problem = answer.problem;
        return false;
      }
      form.decided = 'APPROVED';
      return true;
    },
    async reject(script, form) {
      form.busy = true;
      form.problem = null;
      const answer = await Kefu.post(`/api/scripts/${script.id}/reject`, { reason: form.reason });
      form.busy = false;
      if (!answer.ok) {
        form.problem = answer.problem;
        return false;
      }
      form.decided = 'REJECTED';
      return true;
    },
  };

  document.addEventListener('alpine:init', () => {

    // ---- scripts: the list and a new script ------------------------------------------------------------------

    Alpine.data('broadcastScripts', () => ({
      ...names,
      scripts: [], loaded: false, problem: null, status: '', programme: '',
      draft: { title: '', programme: 'PROMOTIONS', textZh: '', textRu: '' },
      createProblem: null, busy: false,
      async init() {
        await this.load();
      },
      async load() {
        const answer = await Kefu.get('/api/scripts' + Kefu.query({ status: this.status, programme: this.programme }));
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        this.scripts = answer.ok ? answer.body.slice()
          .sort((a, b) => String(b.updatedAt || '').localeCompare(String(a.updatedAt || ''))) : [];
      },
      async create() {
        this.busy = true;
        this.createProblem = null;
        const answer = await Kefu.post('/api/scripts', this.draft);
        this.busy = false;
        if (!answer.ok) {
          this.createProblem = answer.problem;
          return;
        }
        Kefu.go('/broadcast/scripts/' + answer.body.id);
      },
    }));

    // ---- one script: its texts side by side, versions, workflow, audio ---------------------------------------

    Alpine.data('broadcastScript', () => ({
      ...names,
      ...decisions,
      script: null, versions: [], problem: null, actionProblem: null, withdrawProblem: null, notice: '', busy: false,
      editing: false, edit: { title: '', programme: '', textZh: '', textRu: '' },
      withdrawReason: '',
      decision: { validFrom: '', validUntil: '', reason: '', problem: null, busy: false, decided: '' },
      audioUrl: null, audioLanguage: '', audioProblem: null, audioBusy: false,
      get id() {
        return Alpine.store('route').params.id;
      },
      async init() {
        await this.load();
      },
      destroy() {
        if (this.audioUrl) {
          URL.revokeObjectURL(this.audioUrl);
        }
      },
      async load() {
        const answer = await Kefu.get('/api/scripts/' + this.id);
        this.problem = answer.ok ? null : answer.problem;
        this.script = answer.ok ? answer.body : null;
        const versions = await Kefu.get(`/api/scripts/${this.id}/versions`);
        this.versions = versions.ok ? versions.body.slice().reverse() : [];
      },
      can(...roles) {
        return Alpine.store('session').is(...roles);
      },
      startEdit() {
        const s = this.script;
        this.edit = { title: s.title, programme: s.programme, textZh: s.textZh, textRu: s.textRu };
        this.editing = true;
        this.actionProblem = null;
      },
      async step(call, message, where = 'actionProblem') {
        this.busy = true;
        this.actionProblem = null;
        this.withdrawProblem = null;
        this.notice = '';
        const answer = await call();
        if (!answer.ok) {
          this.busy = false;
          this[where] = answer.problem;
          return false;
        }
        await this.load();
        this.busy = false;
        this.notice = message;
        return true;
      },
      async revise() {
        if (await this.step(() => Kefu.api('PUT', '/api/scripts/' + this.id, this.edit),
          Kefu.t('broadcast.script.revised'))) {
          this.editing = false;
        }
      },
      submit() {
        return this.step(() => Kefu.post(`/api/scripts/${this.id}/submit`), Kefu.t('broadcast.script.submitted'));
      },
      withdraw() {
        return this.step(() => Kefu.post(`/api/scripts/${this.id}/withdraw`, { reason: this.withdrawReason || null }),
          Kefu.t('broadcast.script.withdrawn'), 'withdrawProblem');
      },
      async decide(kind) {
        const done = kind === 'approve' ? await this.approve(this.script, this.decision)
          : await this.reject(this.script, this.decision);
        if (done) {
          await this.load();
          this.notice = Kefu.t(kind === 'approve' ? 'broadcast.approvals.approved' : 'broadcast.approvals.rejected');
        }
      },
      /** The approved version read out (espeak-ng); a 503 where speech is not installed is shown as a refusal. */
      async listen(language) {
        this.audioBusy = true;
        this.audioProblem = null;
        const response = await fetch(`/api/scripts/${this.id}/audio?language=${language}`,
          { headers: { Authorization: 'Bearer ' + Kefu.token() } }).catch(e => ({ ok: false, status: 0, error: e }));
        this.audioBusy = false;
        if (!response.ok) {
          this.audioProblem = response.json ? await response.json().catch(() => ({ status: response.status }))
            : { type: 'urn:kefu:problem:unreachable', status: 0, detail: String(response.error) };
          return;
        }
        if (this.audioUrl) {
          URL.revokeObjectURL(this.audioUrl);
        }
        this.audioUrl = URL.createObjectURL(await response.blob());
        this.audioLanguage = language;
        await this.$nextTick();
        this.$refs.player.play().catch(() => { /* autoplay may be refused: the controls are there */ });
      },
    }));

    // ---- the supervisor's approval queue ---------------------------------------------------------------------

    Alpine.data('broadcastApprovals', () => ({
      ...names,
      ...decisions,
      scripts: [], loaded: false, problem: null, timer: null,
      async init() {
        await this.load();
        this.timer = setInterval(() => this.load(), 15000);
      },
      destroy() {
        clearInterval(this.timer);
      },
      async load() {
        const answer = await Kefu.get('/api/scripts?status=SUBMITTED');
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          // a card just decided stays until the next reading shows it gone, so its outcome can be read
          const decided = this.scripts.filter(s => s.form.decided && !answer.body.some(n => n.id === s.id));
          const fresh = answer.body.map(s => {
            const known = this.scripts.find(o => o.id === s.id && o.version === s.version);
            return { ...s, form: known ? known.form : this.form() };
          });
          this.scripts = fresh.concat(decided)
            .sort((a, b) => String(a.updatedAt || '').localeCompare(String(b.updatedAt || '')));
        }
      },
      form() {
        return { validFrom: '', validUntil: '', reason: '', problem: null, busy: false, decided: '' };
      },
    }));

    // ---- the day's plan ----------------------------------------------------------------------------------------

    Alpine.data('broadcastPlan', () => ({
      ...names,
      date: Kefu.today(), plan: null, problem: null, scripts: [], equipment: [],
      slot: { time: '', programme: 'PROMOTIONS', scriptId: '', equipmentId: '' }, slotProblem: null, busy: false,
      rowProblem: null, rowNotice: '',
      review: { programme: 'PROMOTIONS', verdict: 'SOUND', note: '' }, reviewProblem: null, reviewNotice: '',
      notes: [],
      async init() {
        const [scripts, equipment] = await Promise.all([Kefu.get('/api/scripts'), Kefu.get('/api/equipment')]);
        this.scripts = scripts.ok ? scripts.body.filter(s => s.status !== 'WITHDRAWN') : [];
        this.equipment = equipment.ok ? equipment.body : [];
        await this.load();
        await this.loadNotes();
      },
      async load() {
        const read = () => Kefu.get('/api/plans/' + this.date);
        const answer = await read();
        this.problem = answer.ok ? null : answer.problem;
        this.plan = answer.ok ? answer.body : null;
      },
      isToday() {
        return this.date === Kefu.today();
      },
      shift(days) {
        this.date = Kefu.plusDays(this.date, days);
        this.load();
      },
      scriptTitle(id) {
        const script = this.scripts.find(s => s.id === id);
        return script ? script.title : '';
      },
      equipmentName(id) {
        const item = this.equipment.find(e => e.id === id);
        return item ? item.name : id;
      },
      flagBadge(flag) {
        return flag === 'PROGRAMME_NEEDS_CHANGES' || flag === 'SCRIPT_NOT_YET_VALID' || flag === 'NO_SCRIPT'
          ? 'badge warn' : 'badge danger';
      },
      async add() {
        this.busy = true;
        this.slotProblem = null;
        const body = { time: this.slot.time, programme: this.slot.programme, scriptId: this.slot.scriptId,
          equipmentId: this.slot.equipmentId || null };
        const answer = await Kefu.post(`/api/plans/${this.date}/slots`, body);
        if (answer.ok) {
          await this.load();
          this.slot.time = '';
        } else {
          this.slotProblem = answer.problem;
        }
        this.busy = false;
      },
      async remove(slot) {
        this.rowProblem = null;
        const answer = await Kefu.api('DELETE', `/api/plans/${this.date}/slots/${slot.slotId}`);
        if (!answer.ok) {
          this.rowProblem = answer.problem;
          return;
        }
        await this.load();
      },
      async air(slot, language) {
        this.rowProblem = null;
        this.rowNotice = '';
        const answer = await Kefu.post('/api/airings', { scriptId: slot.scriptId, language });
        if (!answer.ok) {
          this.rowProblem = answer.problem;
          return;
        }
        this.rowNotice = Kefu.t('broadcast.airings.logged', { title: slot.title || '', language:
          this.languageName(language), time: Kefu.fmt.time(answer.body.airedAt) });
      },
      async assign(slot, scriptId) {
        this.rowProblem = null;
        const answer = await Kefu.api('PUT', '/api/plans/recurring-slots/' + slot.slotId, {
          time: this.clock(slot.time), programme: slot.programme, scriptId: scriptId || null,
          equipmentId: slot.equipmentId || null });
        if (!answer.ok) {
          this.rowProblem = answer.problem;
          return;
        }
        await this.load();
      },
      async loadNotes() {
        const answer = await Kefu.get(`/api/programmes/${encodeURIComponent(this.review.programme)}/reviews`);
        this.notes = answer.ok ? answer.body.slice().reverse() : [];
      },
      async record() {
        this.reviewProblem = null;
        this.reviewNotice = '';
        const programme = this.review.programme;
        const answer = await Kefu.post(`/api/programmes/${encodeURIComponent(programme)}/reviews`,
          { verdict: this.review.verdict, note: this.review.note });
        if (!answer.ok) {
          this.reviewProblem = answer.problem;
          return;
        }
        this.review.note = '';
        this.reviewNotice = Kefu.t('broadcast.review.recorded');
        await this.loadNotes();
        await this.load();
      },
    }));

    // ---- the programme log -------------------------------------------------------------------------------------

    Alpine.data('broadcastAirings', () => ({
      ...names,
      date: Kefu.today(), airings: [], problem: null, scripts: [], templates: [],
      airing: { scriptId: '', language: 'zh' }, airProblem: null, airNotice: '',
      emergency: { template: '', cause: '' }, emergencyProblem: null, emergencyNotice: '',
      exportProblem: null,
      async init() {
        const [scripts, templates] = await Promise.all([Kefu.get('/api/scripts?status=APPROVED'),
          Kefu.get('/api/emergencies/templates')]);
        this.scripts = scripts.ok ? scripts.body : [];
        this.templates = templates.ok ? templates.body : [];
        await this.load();
      },
      async load() {
        const read = () => Kefu.get('/api/airings' + Kefu.query({ date: this.date }));
        const answer = await read();
        this.problem = answer.ok ? null : answer.problem;
        this.airings = answer.ok ? answer.body.slice().reverse() : [];
      },
      shift(days) {
        this.date = Kefu.plusDays(this.date, days);
        this.load();
      },
      async air() {
        this.airProblem = null;
        this.airNotice = '';
        const answer = await Kefu.post('/api/airings', this.airing);
        if (!answer.ok) {
          this.airProblem = answer.problem;
          return;
        }
        this.date = Kefu.today();
        await this.load();
        this.airNotice = Kefu.t('broadcast.airings.done');
      },
      async airEmergency() {
        this.emergencyProblem = null;
        this.emergencyNotice = '';
        const answer = await Kefu.post('/api/emergencies', { template: this.emergency.template,
          cause: this.emergency.cause || null });
        if (!answer.ok) {
          this.emergencyProblem = answer.problem;
          return;
        }
        this.emergency.cause = '';
        this.date = Kefu.today();
        await this.load();
        this.emergencyNotice = Kefu.t('broadcast.airings.done');
      },
      async exportAs(format) {
        this.exportProblem = null;
        const answer = await Kefu.download('/api/airings/export' + Kefu.query({ date: this.date, format }),
          `programme-log-${this.date}.${format}`);
        this.exportProblem = answer.ok ? null : answer.problem;
      },
    }));

    // ---- equipment (B6) ------------------------------------------------------------------------------------------

    Alpine.data('broadcastEquipment', () => ({
      ...names,
      items: [], problem: null, selected: null,
      item: { name: '', location: '' }, itemProblem: null,
      work: { description: '' }, fault: { description: '' }, repair: { faultId: '', repair: '' },
      actionProblem: null, notice: '',
      async init() {
        await this.load();
      },
      async load() {
        const read = () => Kefu.get('/api/equipment');
        const answer = await read();
        this.problem = answer.ok ? null : answer.problem;
        this.items = answer.ok ? answer.body : [];
      },
      async open(id) {
        const read = () => Kefu.get('/api/equipment/' + id);
        const answer = await read();
        this.selected = answer.ok ? answer.body : null;
        this.actionProblem = answer.ok ? null : answer.problem;
        const open = this.openFaults();
        this.repair.faultId = open.length ? open[0].id : '';
      },
      openFaults() {
        return this.selected ? this.selected.faults.filter(f => !f.clearedAt) : [];
      },
      async register() {
        this.itemProblem = null;
        const answer = await Kefu.post('/api/equipment', this.item);
        if (!answer.ok) {
          this.itemProblem = answer.problem;
          return;
        }
        this.item = { name: '', location: '' };
        await this.load();
        await this.open(answer.body.id);
      },
      async act(path, body, message) {
        this.actionProblem = null;
        this.notice = '';
        const id = this.selected.id;
        const answer = await Kefu.post(`/api/equipment/${id}/${path}`, body);
        if (!answer.ok) {
          this.actionProblem = answer.problem;
          return false;
        }
        await this.open(id);
        await this.load();
        this.notice = message;
        return true;
      },
      async maintain() {
        if (await this.act('maintenance', { description: this.work.description },
          Kefu.t('broadcast.equipment.maintained'))) {
          this.work.description = '';
        }
      },
      async report() {
        if (await this.act('faults', { description: this.fault.description },
          Kefu.t('broadcast.equipment.faultReported'))) {
          this.fault.description = '';
        }
      },
      async clear() {
        const faultId = this.repair.faultId;
        if (await this.act(`faults/${faultId}/clear`, { repair: this.repair.repair },
          Kefu.t('broadcast.equipment.cleared'))) {
          this.repair.repair = '';
        }
      },
    }));
  });
})();
