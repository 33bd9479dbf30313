'use strict';
/*
 * The auditor's replay of a complaint (C13): its whole history as a timeline, and a time slider over the instants of
 * that history that shows the complaint as it stood then, rebuilt by the service from its events (?asOf=).
 */
(function () {
  const READERS = ['AUDITOR', 'SUPERVISOR', 'CS_HEAD', 'AFTER_SALES'];
  Kefu.route({ path: '/audit', page: 'audit-search', roles: ['AUDITOR', 'SUPERVISOR'], nav: 'audit.nav', order: 90 });
  Kefu.route({ path: '/audit/:id', page: 'audit-history', roles: READERS });

  const C = () => window.KefuComplaints;

  document.addEventListener('alpine:init', () => {
    /** Choosing the complaint to replay: by its number, or from a list. */
    Alpine.data('auditSearch', () => ({
      number: '',
      notFound: false,
      searching: false,
      filter: { status: '', from: '', to: '' },
      page: 0,
      result: { items: [], total: 0 },
      problem: null,

      get C() {
        return C();
      },

      async init() {
        await this.load();
      },

      async find() {
        this.notFound = false;
        this.searching = true;
        const found = await C().findByNumber(this.number);
        this.searching = false;
        if (found) {
          Kefu.go('/audit/' + found.id);
        } else {
          this.notFound = true;
        }
      },

      async load() {
        const answer = await Kefu.get('/api/complaints' + Kefu.query({ ...this.filter, page: this.page, size: 20 }));
        this.problem = answer.ok ? null : answer.problem;
        this.result = answer.ok ? answer.body : { items: [], total: 0 };
      },

      async apply() {
        this.page = 0;
        await this.load();
      },

      async go(page) {
        this.page = page;
        await this.load();
      },

      get pages() {
        return Math.max(1, Math.ceil(this.result.total / 20));
      },
    }));

    /** One complaint's history and the slider. */
    Alpine.data('auditHistory', () => ({
      id: null,
      entries: [],
      points: [],
      at: 0,
      view: null,
      departments: [],
      problem: null,
      viewProblem: null,
      cache: new Map(),

      get C() {
        return C();
      },

      async init() {
        this.id = Alpine.store('route').params.id;
        const [history, departments] = await Promise.all([C().history(this.id), C().departments()]);
        this.departments = departments;
        if (!history.ok) {
          this.problem = history.problem;
          return;
        }
        // the contact in clear is kept beside the registration (S1): not a step of its own
        this.entries = history.body.filter(e => e.type !== 'CustomerContactRecorded');
        this.points = [...new Set(this.entries.map(e => e.occurredAt))];
        this.at = this.points.length - 1;
        await this.show();
      },

      get instant() {
        return this.points[this.at];
      },

      /** The entries up to the chosen instant are "then"; the later ones are shown faded. */
      later(entry) {
        return new Date(entry.occurredAt) > new Date(this.instant);
      },

      /** The last entry at the chosen instant: what just happened then. */
      get event() {
        const upTo = this.entries.filter(e => !this.later(e));
        return upTo[upTo.length - 1];
      },

      async show() {
        const instant = this.instant;
        if (!instant) {
          return;
        }
        if (!this.cache.has(instant)) {
          const answer = await C().asOf(this.id, instant);
          if (!answer.ok) {
            if (this.instant === instant) {
              this.viewProblem = answer.problem;
            }
            return;
          }
          this.cache.set(instant, answer.body);
        }
        if (this.instant === instant) {
          this.viewProblem = null;
          this.view = this.cache.get(instant);
        }
      },

      async move(index) {
        this.at = Math.min(Math.max(index, 0), this.points.length - 1);
        await this.show();
      },

      pointOf(entry) {
        return this.points.indexOf(entry.occurredAt);
      },

      department(id) {
        return C().departmentName(this.departments, id);
      },
    }));
  });
})();
