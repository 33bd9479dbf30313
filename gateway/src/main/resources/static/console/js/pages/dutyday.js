'use strict';
/*
 * The CS manager's day (dutylog-service, D5): every shift that wrote into a duty day with its entries and
 * corrections, the day's emergency incidents, and the signature that seals the day with a digest of its entries;
 * what was written into the day after its signature, addendum by addendum, each signed in turn (D12).
 */
(function () {
  const READERS = ['CS_MANAGER', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR'];
  const WRITERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const CATEGORIES = ['COMPLAINT_CALL', 'THEFT', 'FIRE', 'WIND', 'WATER', 'ELECTRICITY', 'FIGHT', 'STAFF_VIOLATION',
    'TENANT_MOVE_IN', 'TENANT_MOVE_OUT', 'CONSTRUCTION', 'OTHER'];
  /** The events of a signed day's addenda: they show in the addenda, not on the day's pages (D12). */
  const ADDENDUM_EVENTS = ['AddendumEntryRecorded', 'AddendumSigned'];

  Kefu.route({ path: '/dutyday', page: 'dutyday-day', roles: READERS, nav: 'dutyday.nav', order: 60 });
  Kefu.route({ path: '/dutyday/:date', page: 'dutyday-day', roles: READERS });

  function localInput(date) {
    const d = new Date(date);
    const pad = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':'
      + pad(d.getMinutes());
  }

  document.addEventListener('alpine:init', () => {
    Alpine.data('dutyDay', () => ({
      categories: CATEGORIES.filter(c => c !== 'COMPLAINT_CALL'),
      date: '',
      picked: '',
      view: null,
      shifts: [],
      /** Every page the day's entries and addenda were written from, by id. */
      pages: {},
      /** The shift on duty now: a late entry is written from an open page (D8), a past day's from this one. */
      onDuty: null,
      incidents: [],
      loading: true,
      problem: null,
      busy: false,
      signProblem: null,
      addendumProblem: null,
      /** A handover sheet that would not print: {shift, problem}. */
      printProblem: null,
      printDayProblem: null,
      exportProblem: null,
      late: null,
      lateProblem: null,
      /** Where the late entry went: {addendum} once the day is signed (D12), else {addendum: null}. */
      lateSaved: null,

      init() {
        this.date = /^\d{4}-\d{2}-\d{2}$/.test(this.$params.date || '') ? this.$params.date : Kefu.today();
        this.picked = this.date;
        this.late = { shiftId: '', occurredAt: this.defaultTime(), category: '', description: '' };
        this.load();
      },

      get manager() {
        return this.$store.session.is('CS_MANAGER');
      },

      get writer() {
        return this.$store.session.is(...WRITERS);
      },

      defaultTime() {
        return this.date === Kefu.today() ? localInput(new Date()) : this.date + 'T12:00';
      },

      category(name) {
        return Kefu.has('desk.category.' + name) ? Kefu.t('desk.category.' + name) : name;
      },

      show() {
        if (this.picked) {
          Kefu.go('/dutyday/' + this.picked);
        }
      },

      /** The day's entries with their pages, as CSV or XLSX (issue 19 item 7). */
      async exportAs(format) {
        this.exportProblem = null;
        const answer = await Kefu.download('/api/duty-days/' + encodeURIComponent(this.date) + '/entries'
          + Kefu.query({ format }), `duty-log-${this.date}.${format}`);
        this.exportProblem = answer.ok ? null : answer.problem;
      },

      async load() {
        const [day, history, onDuty] = await Promise.all([Kefu.get('/api/duty-days/' + this.date),
          Kefu.get('/api/duty-days/' + this.date + '/history'), Kefu.get('/api/shifts/current')]);
        this.problem = !day.ok ? day.problem : !history.ok ? history.problem : null;
        this.view = day.ok ? day.body : null;
        this.onDuty = onDuty.ok ? onDuty.body : null;
        if (history.ok) {
          await this.read(history.body);
        }
        this.loading = false;
      },

      /** The day's shifts and incidents, from the events of the day; each shift shows the entries of this day only. */
      async read(events) {
        const entryIds = new Set();
        const shiftIds = [];
        const incidentIds = [];
        events.forEach(event => {
          const data = event.data || {};
          if (ADDENDUM_EVENTS.includes(event.type)) {
            return;
          }
          if (data.incidentId) {
            if (!incidentIds.includes(data.incidentId)) {
              incidentIds.push(data.incidentId);
            }
          } else if (data.shiftId) {
            if (!shiftIds.includes(data.shiftId)) {
              shiftIds.push(data.shiftId);
            }
            if (data.entryId) {
              entryIds.add(data.entryId);
            }
          }
        });
        // a late entry may come from a later day's page, which is no page of this day
        const addendumPages = this.addenda.flatMap(a => a.entries.map(e => e.shiftId))
          .filter(id => id && !shiftIds.includes(id));
        const pageIds = shiftIds.concat([...new Set(addendumPages)]);
        const found = (await Promise.all(pageIds.map(id => Kefu.get('/api/shifts/' + encodeURIComponent(id)))))
          .filter(a => a.ok).map(a => a.body);
        this.pages = Object.fromEntries(found.map(shift => [shift.id, shift]));
        this.shifts = found.filter(shift => shiftIds.includes(shift.id)).map(shift => ({
          ...shift, all: shift.entries, entries: shift.entries.filter(e => entryIds.has(e.id)),
        }));
        const incidents = await Promise.all(incidentIds.map(id =>
          Kefu.get('/api/incidents/' + encodeURIComponent(id))));
        this.incidents = incidents.filter(a => a.ok).map(a => a.body);
        if (!this.writable.some(shift => shift.id === this.late.shiftId)) {
          this.late.shiftId = this.writable.length ? this.writable[0].id : '';
        }
      },

      /** The pages a late entry can be written from: the day's pages still open, and the shift on duty now. */
      get writable() {
        const open = this.shifts.filter(shift => shift.open);
        return this.onDuty && !open.some(shift => shift.id === this.onDuty.id) ? open.concat([this.onDuty]) : open;
      },

      get entryCount() {
        return this.shifts.reduce((n, s) => n + s.entries.length, 0);
      },

      /** An entry's number on its shift's page, as corrections refer to it. */
      number(shift, entryId) {
        return shift.all.findIndex(e => e.id === entryId) + 1;
      },

      /** What was written into the day after its signature, addendum by addendum (D12). */
      get addenda() {
        return this.view && Array.isArray(this.view.addenda) ? this.view.addenda : [];
      },

      /** The addendum the manager has not signed yet, if anything was written since the last signature. */
      get openAddendum() {
        return this.addenda.find(a => !a.signature) || null;
      },

      /** The page an addendum entry was written from. */
      pageName(shiftId) {
        const page = shiftId && this.pages[shiftId];
        if (page) {
          return Kefu.t('dutyday.shiftTitle', { post: page.post, date: Kefu.fmt.date(page.date + 'T12:00:00') });
        }
        return shiftId ? shiftId.substring(0, 8) : Kefu.t('dutyday.addendum.noShift');
      },

      /** The entry an addendum entry corrects: on a page (its number there) or in an addendum. */
      corrected(entryId) {
        for (const page of Object.values(this.pages)) {
          const n = page.entries.findIndex(e => e.id === entryId) + 1;
          if (n) {
            return Kefu.t('dutyday.addendum.correctsOnPage', { n, page: this.pageName(page.id) });
          }
        }
        for (const addendum of this.addenda) {
          const n = addendum.entries.findIndex(e => e.id === entryId) + 1;
          if (n) {
            return Kefu.t('dutyday.addendum.correctsInAddendum', { n, addendum: addendum.number });
          }
        }
        return Kefu.t('dutyday.corrects', { n: entryId.substring(0, 8) });
      },

      /** The day's log with its signature and digests as the bilingual printable page (D1, D5), in a new tab. */
      async printDay() {
        this.printDayProblem = await Kefu.printable('/api/duty-days/' + encodeURIComponent(this.date) + '/log');
      },

      /** The shift's page with its handover as the bilingual printable sheet (D6), in a new tab. */
      async printHandover(shift) {
        const problem = await Kefu.printable('/api/shifts/' + encodeURIComponent(shift.id) + '/handover-sheet');
        this.printProblem = problem ? { shift: shift.id, problem } : null;
      },

      /**
       * Signs the day; once it is signed, the same signature signs its open addendum (D12). {@code addendum}: the
       * number of the addendum signed from its card, whose refusal shows there.
       */
      async sign(addendum) {
        this.busy = true;
        const answer = await Kefu.post('/api/duty-days/' + this.date + '/signature');
        this.busy = false;
        const problem = answer.ok ? null : answer.problem;
        if (addendum) {
          this.addendumProblem = problem;
        } else {
          this.signProblem = problem;
        }
        if (answer.ok) {
          this.view = answer.body;
          const card = addendum ? 'addendum-' + addendum : 'day-signature';
          this.$nextTick(() => document.getElementById(card)?.focus());
        }
      },

      async addLate() {
        this.busy = true;
        const l = this.late;
        const answer = await Kefu.post('/api/shifts/' + encodeURIComponent(l.shiftId) + '/entries', {
          occurredAt: l.occurredAt ? new Date(l.occurredAt).toISOString() : null, category: l.category || null,
          description: l.description,
        });
        this.busy = false;
        this.lateProblem = answer.ok ? null : answer.problem;
        this.lateSaved = answer.ok ? { addendum: answer.body.addendum } : null;
        if (answer.ok) {
          this.late = { ...l, description: '', occurredAt: this.defaultTime() };
          this.addendumProblem = null;
          const [day, history] = await Promise.all([Kefu.get('/api/duty-days/' + this.date),
            Kefu.get('/api/duty-days/' + this.date + '/history')]);
          if (day.ok) {
            this.view = day.body;
          }
          if (history.ok) {
            await this.read(history.body);
          }
        }
      },
    }));
  });
})();
