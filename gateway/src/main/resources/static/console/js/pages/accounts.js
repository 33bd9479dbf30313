'use strict';
/*
 * The staff accounts (README "User accounts"): the ADMIN's list, with a form for a new account and a button to disable
 * or enable each; and everyone's own password, changed with the current one.
 */
(function () {
  Kefu.route({ path: '/accounts', page: 'accounts-list', roles: ['ADMIN'], nav: 'accounts.nav', order: 95 });
  Kefu.route({ path: '/password', page: 'accounts-password' });

  const ROLES = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'CS_MANAGER', 'DEPARTMENT', 'BROADCASTER',
    'AUDITOR', 'ADMIN'];

  document.addEventListener('alpine:init', () => {
    Alpine.data('accountsList', () => ({
      ROLES,
      users: [],
      problem: null,
      created: null,
      draft: { username: '', password: '', role: 'FRONT_DESK', department: '' },
      createProblem: null,
      busy: false,

      async init() {
        await this.load();
      },

      async load() {
        const answer = await Kefu.get('/api/users');
        this.problem = answer.ok ? null : answer.problem;
        this.users = answer.ok ? answer.body : [];
      },

      async create() {
        this.busy = true;
        const body = { username: this.draft.username.trim(), password: this.draft.password, role: this.draft.role };
        if (this.draft.role === 'DEPARTMENT') {
          body.department = this.draft.department.trim();
        }
        const answer = await Kefu.post('/api/users', body);
        this.busy = false;
        this.createProblem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.created = answer.body.username;
          this.draft = { username: '', password: '', role: 'FRONT_DESK', department: '' };
          await this.load();
        }
      },

      async toggle(user) {
        const action = user.enabled ? 'disable' : 'enable';
        const answer = await Kefu.post('/api/users/' + encodeURIComponent(user.username) + '/' + action);
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          await this.load();
        }
      },
    }));

    Alpine.data('accountsPassword', () => ({
      currentPassword: '',
      newPassword: '',
      repeated: '',
      problem: null,
      changed: false,
      busy: false,

      get mismatch() {
        return this.repeated !== '' && this.repeated !== this.newPassword;
      },

      async submit() {
        if (this.newPassword !== this.repeated) {
          return;
        }
        this.busy = true;
        const answer = await Kefu.post('/api/users/me/password',
          { currentPassword: this.currentPassword, newPassword: this.newPassword });
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        this.changed = answer.ok;
        if (answer.ok) {
          // the tokens the console held have ended with the old password: these are the new password's
          Kefu.useTokens(answer.body);
          this.currentPassword = '';
          this.newPassword = '';
          this.repeated = '';
        }
      },
    }));
  });
})();
