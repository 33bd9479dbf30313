'use strict';
/*
 * The supervisor's watch over complaints: escalations waiting for the head of customer service (C3) and missed
 * deadlines (C10).
 */
(function () {
  Kefu.route({ path: '/escalations', page: 'supervisor-escalations', roles: ['SUPERVISOR', 'CS_HEAD'],
    nav: 'supervisor.nav.escalations', order: 40 });
  Kefu.route({ path: '/missed-deadlines', page: 'supervisor-deadlines', roles: ['SUPERVISOR', 'CS_HEAD', 'AUDITOR'],
    nav: 'supervisor.nav.deadlines', order: 41 });

  const C = () => window.KefuComplaints;

  /** A day of the mall's calendar as the date fields hold it (the browser's own day). */
  function day(date) {
    const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return d.toISOString().substring(0, 10);
  }

  document.addEventListener('alpine:init', () => {
    Alpine.data('escalations', () => ({
      items: [],
      total: 0,
      departments: [],
      problem: null,
      loaded: false,

      async init() {
        this.departments = await C().departments();
        await this.load();
      },

      async load() {
        const answer = await Kefu.get('/api/complaints' + Kefu.query({ status: 'ESCALATED', size: 100 }));
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        this.items = answer.ok ? answer.body.items.map(c => ({ ...c, escalation: null })) : [];
        this.total = answer.ok ? answer.body.total : 0;
        // who escalated, when and why: the last escalation in each complaint's history
        await Promise.all(this.items.map(async item => {
          const history = await C().history(item.id);
          if (history.ok) {
            item.escalation = history.body.filter(e => e.type === 'ComplaintEscalated').pop() || null;
          }
        }));
      },

      /** How long the complaint has waited for its assignment since it was escalated. */
      waiting(item) {
        return item.escalation ? Kefu.fmt.duration((Date.now() - new Date(item.escalation.occurredAt)) / 1000) : '';
      },

      badge(value) {
        return C().badge(value);
      },
    }));

    Alpine.data('missedDeadlines', () => ({
      from: day(new Date(Date.now() - 7 * 86400000)),
      to: day(new Date()),
      items: [],
      departments: [],
      problem: null,
      loaded: false,

      async init() {
        this.departments = await C().departments();
        await this.load();
      },

      async load() {
        const answer = await Kefu.get('/api/complaints/missed-deadlines' + Kefu.query({ from: this.from, to: this.to }));
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        this.items = answer.ok ? answer.body : [];
      },

      department(id) {
        return C().departmentName(this.departments, id);
      },

      badge(value) {
        return C().badge(value);
      },

      /** How late the stage was when the watch noticed. */
      late(m) {
        return Kefu.fmt.duration(Math.max(0, (new Date(m.missedAt) - new Date(m.dueAt)) / 1000));
      },
    }));
  });
})();
