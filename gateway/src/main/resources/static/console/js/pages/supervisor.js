'use strict';
/*
 * The supervisor's watch over complaints: the live inbox of escalated MAJOR complaints, acknowledged and given
 * instructions there (C3, C14), and missed deadlines (C10).
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
    /**
     * The supervisor's inbox (C14, 第四章): escalated MAJOR complaints, live from the gateway's stream (a snapshot,
     * then the whole inbox again at each change; no reload), those not yet acknowledged first. The supervisor
     * acknowledges each and gives instructions (上级的指导), which the complaint's page shows and the next handover
     * carries (D20). The head of customer service watches it too.
     */
    Alpine.data('escalations', () => ({
      items: [],
      problem: null,
      loaded: false,
      live: 'connecting',
      stream: null,
      supervisor: false,

      init() {
        this.supervisor = (Alpine.store('session').roles || []).includes('SUPERVISOR');
        const show = data => {
          this.live = 'live';
          this.loaded = data.complete !== false || this.loaded;
          this.items = data.escalations || [];
        };
        this.stream = Kefu.stream('/api/streams/escalations', {
          open: () => { this.live = 'live'; },
          error: () => { this.live = 'reconnecting'; },
          snapshot: show,
          update: show,
        });
      },

      destroy() {
        if (this.stream) {
          this.stream.close();
        }
      },

      unread() {
        return this.items.filter(e => !e.acknowledgedBy).length;
      },

      /** One step of the supervisor's; the stream brings the change back to every supervisor's page. */
      async act(e, step, body, scope) {
        if (scope.busy) {
          return;
        }
        scope.busy = true;
        scope.problem = null;
        const answer = await Kefu.post('/api/complaints/' + encodeURIComponent(e.complaintId) + '/supervisor/' + step,
          body === null ? undefined : body);
        scope.busy = false;
        if (!answer.ok) {
          scope.problem = answer.problem;
          return;
        }
        scope.text = '';
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
