'use strict';
/*
 * A department's inbox (C5, C6): the complaints assigned to it, kept up to date without reloading from the gateway's
 * department stream; acknowledge, record progress and report the result from here.
 */
(function () {
  Kefu.route({ path: '/inbox', page: 'inbox-list', roles: ['DEPARTMENT'], nav: 'inbox.nav', order: 30 });

  const C = () => window.KefuComplaints;

  document.addEventListener('alpine:init', () => {
    Alpine.data('inbox', () => ({
      department: null,
      departments: [],
      items: [],
      showAll: false,
      live: 'connecting',
      problem: null,
      stream: null,

      async init() {
        this.department = Alpine.store('session').department;
        if (!this.department) {
          return;
        }
        // subscribe first, so that nothing assigned while the list loads is missed
        this.stream = Kefu.stream('/api/streams/departments/' + encodeURIComponent(this.department), {
          subscribed: () => { this.live = 'live'; },
          open: () => { this.live = 'live'; },
          error: () => { this.live = 'reconnecting'; },
          'complaint-assigned': d => this.arrived(d, { acknowledged: false, instructions: d.instructions }),
          'complaint-reopened': d => this.arrived(d, { acknowledged: false, reopened: d.reason || true }),
          'complaint-reassigned': d => this.gone(d.complaintId),
          'complaint-acknowledged': d => this.patch(d.complaintId, { acknowledged: true }),
          'complaint-resolved': d => this.patch(d.complaintId, { status: 'RESOLVED' }),
          'complaint-deadline-missed': d => this.patch(d.complaintId, { missed: d.stage || true }),
          'complaint-deadline-approaching': d => this.patch(d.complaintId, { approaching: d.stage || true,
            dueAt: d.dueAt }),
          'complaint-archived': d => this.gone(d.complaintId),
        });
        const [departments] = await Promise.all([C().departments(), this.load()]);
        this.departments = departments;
      },

      destroy() {
        if (this.stream) {
          this.stream.close();
        }
      },

      async load() {
        const answer = await Kefu.get('/api/complaints' + Kefu.query({ status: this.showAll ? '' : 'ASSIGNED',
          size: 100 }));
        if (!answer.ok) {
          this.problem = answer.problem;
          return;
        }
        this.problem = null;
        const fresh = this.items.filter(i => i.fresh && !answer.body.items.some(c => c.id === i.id));
        this.items = [...fresh, ...answer.body.items.map(c => this.item(c))];
      },

      item(c, extra) {
        return { ...c, fresh: false, missed: null, approaching: null, reopened: null, ...(extra || {}) };
      },

      /** A complaint came (or came back) to the department: shown at once, its details filled in as they come. */
      async arrived(d, extra) {
        const known = this.items.find(i => i.id === d.complaintId);
        const patch = { status: 'ASSIGNED', priority: d.priority || (known && known.priority), fresh: true,
          assignedAt: d.occurredAt, approaching: null, missed: null, ...extra };
        if (known) {
          Object.assign(known, patch);
          this.items = [known, ...this.items.filter(i => i !== known)];
        } else {
          this.items = [this.item({ id: d.complaintId, number: d.number, department: d.department }, patch),
            ...this.items];
        }
        const view = await C().view(d.complaintId);
        const item = this.items.find(i => i.id === d.complaintId);
        if (view.ok && item) {
          const { status, acknowledged, ...details } = view.body;
          Object.assign(item, details);
        }
      },

      patch(id, values) {
        const item = this.items.find(i => i.id === id);
        if (item) {
          Object.assign(item, values);
        }
      },

      gone(id) {
        this.items = this.items.filter(i => i.id !== id);
      },

      get shown() {
        return this.showAll ? this.items : this.items.filter(i => i.status === 'ASSIGNED' || i.fresh || i.keep);
      },

      async toggle() {
        this.showAll = !this.showAll;
        await this.load();
      },

      departmentName(id) {
        return C().departmentName(this.departments, id);
      },

      /** One step on one complaint; `scope` is that card's form (busy, problem, its text). */
      async act(item, step, body, scope) {
        if (scope.busy) {
          return;
        }
        scope.busy = true;
        scope.problem = null;
        const answer = await Kefu.post('/api/complaints/' + encodeURIComponent(item.id) + '/' + step, body);
        scope.busy = false;
        if (!answer.ok) {
          scope.problem = answer.problem;
          return;
        }
        scope.text = '';
        item.keep = true;
        if (step === 'acknowledge') {
          item.acknowledged = true;
        } else if (step === 'resolve') {
          item.status = 'RESOLVED';
          item.result = body.result;
        } else {
          scope.saved = true;
        }
      },
    }));
  });
})();
