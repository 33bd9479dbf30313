'use strict';
/*
 * The desk's rounds of the lobby with their repair orders to engineering (D16) and tasks from superiors (D19)
 * (dutylog-service). Engineering's users acknowledge and close their repair orders on the same page.
 */
(function () {
  const WRITERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const READERS = WRITERS.concat(['SUPERVISOR', 'AUDITOR']);

  Kefu.route({ path: '/desk/rounds', page: 'desk-rounds', roles: READERS.concat(['DEPARTMENT']),
    nav: 'rounds.nav.rounds', order: 54 });
  Kefu.route({ path: '/desk/tasks', page: 'desk-tasks', roles: READERS, nav: 'rounds.nav.tasks', order: 55 });

  /** A date-time field's value ('YYYY-MM-DDTHH:mm', the browser's time) for an instant. */
  function localInput(date) {
    const d = new Date(date);
    const pad = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':'
      + pad(d.getMinutes());
  }

  const session = () => Alpine.store('session');

  document.addEventListener('alpine:init', () => {
    Alpine.data('deskRounds', () => ({
      form: null,
      problem: null,
      busy: false,
      recorded: null,
      orders: [],
      notes: {},
      orderProblem: null,

      init() {
        this.resetForm();
        this.load();
      },

      get writer() {
        return session().is(...WRITERS);
      },

      get engineer() {
        return session().is('DEPARTMENT');
      },

      resetForm() {
        this.form = { area: '', items: [{ item: '', result: 'OK', note: '' }] };
      },

      addItem() {
        this.form.items.push({ item: '', result: 'OK', note: '' });
      },

      removeItem(index) {
        this.form.items.splice(index, 1);
      },

      async load() {
        const answer = await Kefu.get('/api/repair-orders?open=true');
        this.orderProblem = answer.ok ? null : answer.problem;
        this.orders = answer.ok ? answer.body : [];
      },

      async record() {
        this.busy = true;
        const answer = await Kefu.post('/api/rounds', {
          area: this.form.area,
          items: this.form.items.map(i => ({ item: i.item, result: i.result, note: i.note || null })),
        });
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.recorded = answer.body;
          this.resetForm();
          await this.load();
        }
      },

      async acknowledge(order) {
        const answer = await Kefu.post('/api/repair-orders/' + encodeURIComponent(order.id) + '/acknowledgement',
          { note: this.notes[order.id] || null });
        this.orderProblem = answer.ok ? null : answer.problem;
        await this.load();
      },

      async close(order) {
        const answer = await Kefu.post('/api/repair-orders/' + encodeURIComponent(order.id) + '/closure',
          { result: this.notes[order.id] || '' });
        this.orderProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.notes = { ...this.notes, [order.id]: '' };
        }
        await this.load();
      },
    }));

    Alpine.data('deskTasks', () => ({
      form: null,
      problem: null,
      busy: false,
      tasks: [],
      listProblem: null,

      init() {
        this.resetForm();
        this.load();
      },

      get writer() {
        return session().is(...WRITERS);
      },

      get giver() {
        return session().is(...WRITERS, 'SUPERVISOR');
      },

      resetForm() {
        this.form = { text: '', from: '', to: 'POST', assignee: 'front-desk',
          dueAt: localInput(Date.now() + 8 * 3600 * 1000) };
      },

      async load() {
        const answer = await Kefu.get('/api/tasks?open=true');
        this.listProblem = answer.ok ? null : answer.problem;
        this.tasks = answer.ok ? answer.body : [];
      },

      async give() {
        this.busy = true;
        const f = this.form;
        const body = { text: f.text, from: f.from || null, dueAt: new Date(f.dueAt).toISOString() };
        body[f.to === 'POST' ? 'post' : 'person'] = f.assignee;
        const answer = await Kefu.post('/api/tasks', body);
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.resetForm();
          await this.load();
        }
      },

      async done(task) {
        const answer = await Kefu.post('/api/tasks/' + encodeURIComponent(task.id) + '/done', {});
        this.listProblem = answer.ok ? null : answer.problem;
        await this.load();
      },
    }));
  });
}());
