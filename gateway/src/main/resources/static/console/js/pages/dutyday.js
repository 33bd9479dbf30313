'use strict';
/*
 * The CS manager's day (dutylog-service, D5): every shift that wrote into a duty day with its entries and
 * corrections, the day's emergency incidents, and the signature that seals the day with a digest of its entries.
 */
(function () {
  const READERS = ['CS_MANAGER', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR'];
  const WRITERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const CATEGORIES = ['COMPLAINT_CALL', 'THEFT', 'FIRE', 'WIND', 'WATER', 'ELECTRICITY', 'FIGHT', 'STAFF_VIOLATION',
    'TENANT_MOVE_IN', 'TENANT_MOVE_OUT', 'CONSTRUCTION', 'OTHER'];

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
      incidents: [],
      loading: true,
      problem: null,
      busy: false,
      signProblem: null,
      late: null,
      lateProblem: null,
      lateSaved: false,

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

      async load() {
        const [day, history] = await Promise.all([Kefu.get('/api/duty-days/' + this.date),
          Kefu.get('/api/duty-days/' + this.date + '/history')]);
        this.problem = !day.ok ? day.problem : !history.ok ? history.problem : null;
        this.view = day.ok ? day.body : null;
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
        const shifts = await Promise.all(shiftIds.map(id => Kefu.get('/api/shifts/' + encodeURIComponent(id))));
        this.shifts = shifts.filter(a => a.ok).map(a => ({
          ...a.body, all: a.body.entries, entries: a.body.entries.filter(e => entryIds.has(e.id)),
        }));
        const incidents = await Promise.all(incidentIds.map(id =>
          Kefu.get('/api/incidents/' + encodeURIComponent(id))));
        this.incidents = incidents.filter(a => a.ok).map(a => a.body);
        if (!this.late.shiftId && this.shifts.length) {
          this.late.shiftId = this.shifts[0].id;
        }
      },

      get entryCount() {
        return this.shifts.reduce((n, s) => n + s.entries.length, 0);
      },

      /** An entry's number on its shift's page, as corrections refer to it. */
      number(shift, entryId) {
        return shift.all.findIndex(e => e.id === entryId) + 1;
      },

      async sign() {
        this.busy = true;
        const answer = await Kefu.post('/api/duty-days/' + this.date + '/signature');
        this.busy = false;
        this.signProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.view = answer.body;
          this.$nextTick(() => document.getElementById('day-signature')?.focus());
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
        this.lateSaved = answer.ok;
        if (answer.ok) {
          this.late = { ...l, description: '', occurredAt: this.defaultTime() };
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
