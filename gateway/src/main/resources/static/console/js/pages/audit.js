'use strict';
/*
 * The auditor's replay of a complaint (C13): its whole history as a timeline, and a time slider over the instants of
 * that history that shows the complaint as it stood then, rebuilt by the service from its events (?asOf=). Any other
 * record of any service the same way (A4): its kind chosen from the services' lists, its history, and at the chosen
 * event the record as its ordinary read showed it then (/api/audit/{service}/records/{kind}/{id}?asOf=).
 */
(function () {
  const READERS = ['AUDITOR', 'SUPERVISOR', 'CS_HEAD', 'AFTER_SALES'];
  Kefu.route({ path: '/audit', page: 'audit-search', roles: ['AUDITOR', 'SUPERVISOR'], nav: 'audit.nav', order: 90 });
  Kefu.route({ path: '/audit/:id', page: 'audit-history', roles: READERS });
  Kefu.route({ path: '/audit/:service/:kind/:id', page: 'audit-record', roles: ['AUDITOR', 'ADMIN'] });

  /** The services whose records an auditor can open (A4), each listing its kinds at /api/audit/{service}/records. */
  const SERVICES = ['complaint', 'dutylog', 'broadcast', 'membership'];
  const record = (service, kind, id) => '/api/audit/' + encodeURIComponent(service) + '/records/'
    + encodeURIComponent(kind) + '/' + encodeURIComponent(id);

  const C = () => window.KefuComplaints;

  /**
   * Shows the record as it was at the page's chosen instant: each instant fetched once ({@code fetch}), an answer that
   * comes after the slider moved on is kept but not shown.
   */
  async function showAt(page, fetch) {
    const instant = page.instant;
    if (!instant) {
      return;
    }
    if (!page.cache.has(instant)) {
      const answer = await fetch(instant);
      if (!answer.ok) {
        if (page.instant === instant) {
          page.viewProblem = answer.problem;
        }
        return;
      }
      page.cache.set(instant, answer.body);
    }
    if (page.instant === instant) {
      page.viewProblem = null;
      page.view = page.cache.get(instant);
    }
  }

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

    /** Any record (A4): the kind chosen from the services' lists, and its id. */
    Alpine.data('auditRecordChooser', () => ({
      kinds: [],
      choice: '',
      id: '',

      async init() {
        if (!Alpine.store('session').is('AUDITOR', 'ADMIN')) {
          return;
        }
        const answers = await Promise.all(SERVICES.map(s => Kefu.get('/api/audit/' + s + '/records')));
        this.kinds = answers.flatMap((answer, i) => answer.ok
          ? answer.body.map(k => ({ service: SERVICES[i], kind: k.kind, value: SERVICES[i] + '/' + k.kind })) : []);
        this.choice = this.kinds.length ? this.kinds[0].value : '';
      },

      open() {
        if (this.choice && this.id.trim()) {
          Kefu.go('/audit/' + this.choice + '/' + encodeURIComponent(this.id.trim()));
        }
      },
    }));

    /** Any record's history and, at the chosen event, the record as its ordinary read showed it then (?asOf=). */
    Alpine.data('auditRecord', () => ({
      service: null,
      kind: null,
      id: null,
      entries: [],
      at: 0,
      view: null,
      problem: null,
      viewProblem: null,
      cache: new Map(),

      async init() {
        const params = Alpine.store('route').params;
        this.service = params.service;
        this.kind = params.kind;
        this.id = params.id;
        const history = await Kefu.get(record(this.service, this.kind, this.id) + '/history');
        if (!history.ok) {
          this.problem = history.problem;
          return;
        }
        this.entries = history.body;
        this.at = this.entries.length - 1;
        await this.show();
      },

      get instant() {
        return this.entries.length ? this.entries[this.at].occurredAt : null;
      },

      get event() {
        return this.entries[this.at];
      },

      later(index) {
        return index > this.at;
      },

      show() {
        return showAt(this, instant => Kefu.get(record(this.service, this.kind, this.id)
          + Kefu.query({ asOf: instant })));
      },

      async move(index) {
        this.at = Math.min(Math.max(index, 0), this.entries.length - 1);
        await this.show();
      },

      /** The record as lines "field: value", nested fields by their path, for any kind of record. */
      get lines() {
        const out = [];
        const walk = (value, path) => {
          if (value !== null && typeof value === 'object') {
            const keys = Object.keys(value);
            if (!keys.length) {
              out.push({ field: path, value: Array.isArray(value) ? '[]' : '{}' });
            }
            keys.forEach(k => walk(value[k], path ? path + (Array.isArray(value) ? '[' + k + ']' : '.' + k) : k));
          } else {
            out.push({ field: path, value: value === null || value === undefined ? '—' : String(value) });
          }
        };
        walk(this.view, '');
        return out;
      },

      data(entry) {
        return entry.data ? JSON.stringify(entry.data) : '';
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

      show() {
        return showAt(this, instant => C().asOf(this.id, instant));
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
