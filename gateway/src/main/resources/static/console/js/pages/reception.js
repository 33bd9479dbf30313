'use strict';
/*
 * What the desk keeps for others (dutylog-service): customers' mail and parcels, received from the outside only and
 * handed over against a signature (D17), and visitors with their badges (D18). Names are shown masked (PD1).
 */
(function () {
  const WRITERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const READERS = WRITERS.concat(['SUPERVISOR', 'AUDITOR']);
  const KINDS = ['PARCEL', 'LETTER', 'REGISTERED_LETTER', 'PRINTED_MATTER', 'OTHER'];

  Kefu.route({ path: '/desk/parcels', page: 'desk-parcels', roles: READERS, nav: 'reception.nav.parcels',
    order: 56 });
  Kefu.route({ path: '/desk/visitors', page: 'desk-visitors', roles: READERS, nav: 'reception.nav.visitors',
    order: 57 });

  const session = () => Alpine.store('session');

  document.addEventListener('alpine:init', () => {
    Alpine.data('deskParcels', () => ({
      kinds: KINDS,
      form: null,
      problem: null,
      busy: false,
      held: [],
      handovers: {},
      listProblem: null,

      init() {
        this.resetForm();
        this.load();
      },

      get writer() {
        return session().is(...WRITERS);
      },

      resetForm() {
        this.form = { tenant: '', shop: '', kind: 'PARCEL', outside: '', deliveredBy: '', storedAt: '' };
      },

      async load() {
        const answer = await Kefu.get('/api/parcels/held');
        this.listProblem = answer.ok ? null : answer.problem;
        const held = answer.ok ? answer.body : [];
        const forms = {};
        held.forEach(group => group.parcels.forEach(parcel => {
          forms[parcel.id] = this.handovers[parcel.id] || { collectedBy: '', signature: '' };
        }));
        this.handovers = forms; // before the rows that bind to them
        this.held = held;
      },

      async receive() {
        this.busy = true;
        const answer = await Kefu.post('/api/parcels', { ...this.form, shop: this.form.shop || null });
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.resetForm();
          await this.load();
        }
      },

      async handOver(parcel) {
        const form = this.handovers[parcel.id];
        const answer = await Kefu.post('/api/parcels/' + encodeURIComponent(parcel.id) + '/handover',
          { collectedBy: form.collectedBy, signature: form.signature, tenant: parcel.tenant });
        this.listProblem = answer.ok ? null : answer.problem;
        await this.load();
      },
    }));

    Alpine.data('deskVisitors', () => ({
      form: null,
      problem: null,
      busy: false,
      visitors: [],
      listProblem: null,

      init() {
        this.resetForm();
        this.load();
      },

      get writer() {
        return session().is(...WRITERS);
      },

      resetForm() {
        this.form = { name: '', visiting: '', badge: '' };
      },

      async load() {
        const answer = await Kefu.get('/api/visitors/in-building');
        this.listProblem = answer.ok ? null : answer.problem;
        this.visitors = answer.ok ? answer.body : [];
      },

      async signIn() {
        this.busy = true;
        const answer = await Kefu.post('/api/visitors', this.form);
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.resetForm();
          await this.load();
        }
      },

      async depart(visitor) {
        const answer = await Kefu.post('/api/visitors/' + encodeURIComponent(visitor.id) + '/departure', {});
        this.listProblem = answer.ok ? null : answer.problem;
        await this.load();
      },
    }));
  });
}());
