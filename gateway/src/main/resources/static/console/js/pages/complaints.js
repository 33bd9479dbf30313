'use strict';
/*
 * Complaints and enquiries (complaint-service): intake at the desk, the queue and a complaint's page for after-sales
 * and the head of customer service, the handling form, enquiries. The inbox, supervisor and audit areas reuse the
 * helpers in KefuComplaints.
 */
(function () {
  const INTAKE = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const HANDLERS = ['AFTER_SALES', 'CS_HEAD'];
  const READERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', 'DEPARTMENT'];
  const HISTORY = ['AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR'];
  const FORM = ['AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR'];
  const ENQUIRY_READERS = [...INTAKE, 'SUPERVISOR', 'AUDITOR'];
  const TENANT_CONTACTS = '/api/enquiries/tenant-contacts';
  const FILTERS = 'kefu.complaints.filter';

  const session = () => Alpine.store('session');

  /** The shared vocabulary and calls of the complaint pages (also used by inbox.js, supervisor.js, audit.js). */
  const C = window.KefuComplaints = {
    STATES: ['RECEIVED', 'ESCALATED', 'ASSIGNED', 'RESOLVED', 'FOLLOWED_UP', 'ARCHIVED'],
    CHANNELS: ['VISIT', 'PHONE', 'FAX', 'LETTER', 'ONLINE', 'OTHER'],
    CATEGORIES: ['PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'PRICE_BILLING', 'MERCHANT_DISPUTE', 'FACILITY', 'SAFETY',
      'RETURN_EXCHANGE', 'OTHER'],
    SEVERITIES: ['NORMAL', 'MAJOR'],
    PRIORITIES: ['URGENT', 'HIGH', 'NORMAL'],
    STAGES: ['PRE_SALE', 'IN_SALE', 'AFTER_SALE'],
    ENQUIRY_STATES: ['RECEIVED', 'ANSWERED', 'ARCHIVED'],
    DISPUTES: { CUSTOMER_MERCHANT: ['CUSTOMER', 'MERCHANT'], MERCHANT_MALL: ['MERCHANT', 'MALL'] },

    /** A fresh Idempotency-Key: randomUUID where the page is a secure context, else from getRandomValues. */
    newKey() {
      if (window.crypto && crypto.randomUUID) {
        return crypto.randomUUID();
      }
      const b = crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },


    /**
     * When the current stage is due, from now (C17): "due in 3 h 12 min", "overdue by 20 min"; '' once archived.
     * The browser's clock only words the distance; the time itself is the service's ({@code dueAt}).
     */
    dueIn(dueAt, now) {
      if (!dueAt) {
        return '';
      }
      const seconds = Math.round((new Date(dueAt).getTime() - (now || Date.now())) / 1000);
      return seconds >= 0 ? Kefu.t('complaints.due.in', { d: Kefu.fmt.duration(seconds) })
        : Kefu.t('complaints.due.overdue', { d: Kefu.fmt.duration(-seconds) });
    },

    /** A complaint from its view, which already shows every step answered 2xx (kept in the command's transaction). */
    view(id) {
      return Kefu.get('/api/complaints/' + encodeURIComponent(id));
    },

    /** The complaint as it stood at an instant, rebuilt from its events (C13). */
    asOf(id, instant) {
      return Kefu.get('/api/complaints/' + encodeURIComponent(id) + Kefu.query({ asOf: instant }));
    },

    history(id) {
      return Kefu.get('/api/complaints/' + encodeURIComponent(id) + '/history');
    },

    async departments() {
      const answer = await Kefu.get('/api/departments');
      return answer.ok ? answer.body : [];
    },

    /** A department's name in the user's language. */
    departmentName(departments, id) {
      if (!id) {
        return '';
      }
      const d = (departments || []).find(x => x.id === id);
      if (!d) {
        return id;
      }
      const lang = Alpine.store('i18n').lang;
      return lang === 'ru' ? d.nameRu : lang === 'en' ? d.nameEn : d.nameZh;
    },

    /** Finds a complaint by its number (KF-YYYYMM-NNNNN) through the search on the server (GET /api/search). */
    async findByNumber(number) {
      const wanted = (number || '').trim().toUpperCase();
      if (!wanted) {
        return null;
      }
      const answer = await Kefu.get('/api/search' + Kefu.query({ kind: 'complaint', q: wanted, size: 100 }));
      return answer.ok ? answer.body.items.find(c => c.number === wanted) || null : null;
    },

    badge(value) {
      return { URGENT: 'urgent', HIGH: 'major', MAJOR: 'major', ARCHIVED: 'ok', FOLLOWED_UP: 'ok', RESOLVED: 'ok',
        ESCALATED: 'warn', RECEIVED: 'warn' }[value] || '';
    },

    /** A history entry's data as "label: value" lines in the user's language. */
    details(entry, departments) {
      const d = entry.data || {};
      const t = Kefu.t;
      const lines = [];
      const add = (key, value) => {
        if (value !== null && value !== undefined && value !== '') {
          lines.push(t(key) + ': ' + value);
        }
      };
      switch (entry.type) {
        case 'ComplaintReceived':
          add('complaints.field.channel', t('complaints.channel.' + d.channel));
          add('complaints.field.category', t('complaints.category.' + d.category));
          add('complaints.field.severity', t('complaints.severity.' + d.severity));
          add('complaints.field.priority', t('complaints.priority.' + d.priority));
          add('complaints.field.subject', d.subject);
          break;
        case 'ComplaintEscalated':
          add('complaints.field.reason', d.reason);
          break;
        case 'ComplaintAssigned':
          add('complaints.field.department', C.departmentName(departments, d.department));
          add('complaints.field.instructions', d.instructions);
          break;
        case 'ComplaintAcknowledged':
        case 'ComplaintProgressRecorded':
          add('complaints.field.department', C.departmentName(departments, d.department));
          add('complaints.field.note', d.note);
          break;
        case 'ComplaintResolved':
          add('complaints.field.department', C.departmentName(departments, d.department));
          add('complaints.field.result', d.result);
          break;
        case 'ComplaintFollowedUp':
          add('complaints.followUp.reached', t(d.reached ? 'complaints.yes' : 'complaints.no'));
          add('complaints.field.satisfaction', d.satisfaction);
          if (d.reached) {
            add('complaints.followUp.satisfied', t(d.satisfied ? 'complaints.yes' : 'complaints.no'));
          }
          add('complaints.field.comment', d.comment);
          break;
        case 'ComplaintReopened':
          add('complaints.field.department', C.departmentName(departments, d.department));
          add('complaints.field.reason', d.reason);
          break;
        case 'ComplaintRulingRecorded':
          add('complaints.field.ruling', d.ruling);
          break;
        case 'ComplaintAttachmentAdded':
          add('complaints.attachments.type', d.contentType);
          add('complaints.attachments.size', d.size);
          lines.push('SHA-256: ' + d.sha256);
          break;
        case 'ComplaintDeadlineMissed':
        case 'ComplaintDeadlineApproaching':
          add('complaints.field.stage', t('complaints.state.' + d.stage));
          add('complaints.field.dueAt', Kefu.fmt.dateTime(d.dueAt));
          break;
        default:
          break;
      }
      return lines;
    },

    /** A history entry's name in the user's language. */
    eventName(type) {
      const key = 'complaints.event.' + type;
      return Kefu.has(key) ? Kefu.t(key) : type;
    },
  };

  Kefu.route({ path: '/intake', page: 'complaints-register', roles: INTAKE, nav: 'complaints.nav.register', order: 10 });
  Kefu.route({ path: '/complaints', page: 'complaints-queue', roles: READERS.filter(r => r !== 'DEPARTMENT'),
    nav: 'complaints.nav.queue', order: 12 });
  Kefu.route({ path: '/complaints/:id/form', page: 'complaints-form', roles: FORM });
  Kefu.route({ path: '/complaints/:id', page: 'complaints-page', roles: READERS });
  Kefu.route({ path: '/enquiries', page: 'complaints-enquiries', roles: ENQUIRY_READERS, nav: 'complaints.nav.enquiries',
    order: 20 });
  Kefu.route({ path: '/enquiries/:id', page: 'complaints-enquiry', roles: ENQUIRY_READERS });
  Kefu.route({ path: '/tenant-contacts', page: 'complaints-tenant-contacts', roles: INTAKE,
    nav: 'complaints.nav.tenantContacts', order: 22 });

  document.addEventListener('alpine:init', () => {

    /** Registration of a complaint (C1) or an enquiry (C12) at the desk. */
    Alpine.data('complaintIntake', () => ({
      kind: 'complaint',
      C,
      complaint: null,
      enquiry: null,
      key: null,
      busy: false,
      problem: null,
      registered: null,

      init() {
        this.reset();
      },

      reset() {
        this.complaint = { channel: 'VISIT', category: '', severity: 'NORMAL', name: '', phone: '', memberId: '',
          shopNo: '', shopName: '', subject: '', description: '', dispute: '' };
        this.enquiry = { channel: 'VISIT', stage: 'PRE_SALE', name: '', phone: '', question: '' };
        // one key per form fill: a double click or a retry of this fill answers the first registration
        this.key = C.newKey();
      },

      body() {
        const c = this.complaint;
        const trim = v => (v || '').trim();
        const dispute = C.DISPUTES[c.dispute];
        return {
          channel: c.channel, category: c.category || null, severity: c.severity,
          customer: { name: trim(c.name), phone: trim(c.phone), memberId: trim(c.memberId) || null },
          merchant: trim(c.shopNo) ? { shopNo: trim(c.shopNo), name: trim(c.shopName) || null } : null,
          subject: trim(c.subject), description: trim(c.description) || null,
          dispute: dispute ? { complainant: dispute[0], respondent: dispute[1] } : null,
        };
      },

      async submit() {
        if (this.busy) {
          return;
        }
        this.busy = true;
        this.problem = null;
        try {
          let answer;
          if (this.kind === 'complaint') {
            answer = await Kefu.api('POST', '/api/complaints', this.body(), { idempotencyKey: this.key });
          } else {
            const e = this.enquiry;
            answer = await Kefu.api('POST', '/api/enquiries', {
              channel: e.channel, stage: e.stage, customerName: e.name.trim(),
              customerPhone: e.phone.trim() || null, question: e.question.trim(),
            }, { idempotencyKey: this.key });
          }
          if (answer.ok) {
            this.registered = { kind: this.kind, ...answer.body };
            this.reset();
            this.$nextTick(() => document.getElementById('registered')?.focus());
          } else {
            this.problem = answer.problem;
          }
        } finally {
          this.busy = false;
        }
      },

      get link() {
        if (!this.registered) {
          return '';
        }
        return (this.registered.kind === 'complaint' ? '#/complaints/' : '#/enquiries/') + this.registered.id;
      },
    }));

    /** The complaint queue with the filters the list offers. */
    Alpine.data('complaintQueue', () => ({
      C,
      filter: { status: '', department: '', from: '', to: '', sort: '' },
      page: 0,
      size: 20,
      result: { items: [], total: 0 },
      departments: [],
      loading: false,
      problem: null,
      exportProblem: null,
      number: '',
      kind: 'complaint',
      hits: { items: [], total: 0 },
      searchPage: 0,
      searchProblem: null,
      notFound: false,

      async init() {
        try {
          Object.assign(this.filter, JSON.parse(sessionStorage.getItem(FILTERS) || '{}'));
        } catch (e) { /* a broken saved filter is forgotten */ }
        this.departments = await C.departments();
        await this.load();
      },

      async apply() {
        this.page = 0;
        sessionStorage.setItem(FILTERS, JSON.stringify(this.filter));
        await this.load();
      },

      async clear() {
        this.filter = { status: '', department: '', from: '', to: '', sort: '' };
        await this.apply();
      },

      /** The queue by when the current stage is due (soonest first), or newest first (C17). */
      async sortBy(sort) {
        this.filter.sort = sort;
        await this.apply();
      },

      /** The whole list with the filters shown, as CSV or XLSX (issue 19 item 7). */
      async exportAs(format) {
        this.exportProblem = await Kefu.exportList('/api/complaints', this.filter, format, 'complaints');
      },

      async load() {
        this.loading = true;
        const answer = await Kefu.get('/api/complaints' + Kefu.query({ ...this.filter, page: this.page,
          size: this.size }));
        this.loading = false;
        this.problem = answer.ok ? null : answer.problem;
        this.result = answer.ok ? answer.body : { items: [], total: 0 };
      },

      async go(page) {
        this.page = page;
        await this.load();
      },

      get pages() {
        return Math.max(1, Math.ceil(this.result.total / this.size));
      },

      /** The kinds of record the signed-in user may search: those whose lists their role reads. */
      get kinds() {
        const members = Alpine.store('session').is('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR');
        return ['complaint', 'enquiry'].concat(members ? ['member'] : [], ['lost-item']);
      },

      /**
       * The search on the server (GET /api/search): by number, phone (any format), full name or words, a page of
       * hits newest first. A number that names exactly one record opens it at once.
       */
      async find(page = 0) {
        this.notFound = false;
        const q = this.number.trim();
        if (!q) {
          return;
        }
        this.searchPage = page;
        const answer = await Kefu.get('/api/search' + Kefu.query({ kind: this.kind, q, page, size: this.size }));
        this.searchProblem = answer.ok ? null : answer.problem;
        this.hits = answer.ok ? answer.body : { items: [], total: 0 };
        const only = this.hits.total === 1 ? this.hits.items[0] : null;
        if (only && only.number && only.number.toUpperCase() === q.toUpperCase() && this.opens(only)) {
          Kefu.go(this.path(only));
          return;
        }
        this.notFound = answer.ok && this.hits.total === 0;
      },

      get searchPages() {
        return Math.max(1, Math.ceil(this.hits.total / this.size));
      },

      /** The page of a record found. */
      path(hit) {
        return { complaint: '/complaints/', enquiry: '/enquiries/', member: '/members/',
          'lost-item': '/desk/lost?item=' }[hit.kind] + encodeURIComponent(hit.id);
      },

      /** Whether the user may open the record's page (the lost and found desk is the desk's own). */
      opens(hit) {
        return hit.kind !== 'lost-item'
          || Alpine.store('session').is('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER');
      },

      hitStatus(hit) {
        const key = { complaint: 'complaints.state.', enquiry: 'complaints.enquiryState.' }[hit.kind];
        return key ? Kefu.t(key + hit.status) : hit.status;
      },

      department(id) {
        return C.departmentName(this.departments, id);
      },
    }));

    /** One complaint: its data, its timeline and exactly the steps its state and the user's role allow. */
    /**
     * The files attached to a complaint or an enquiry (C16) at `base` (its API path): the list, an upload, downloads.
     * The service tells the type by the bytes and refuses what it does not take; the page shows its problem.
     */
    Alpine.data('recordAttachments', (base) => ({
      base,
      files: [],
      file: null,
      busy: false,
      problem: null,
      uploaded: null,

      async init() {
        await this.load();
      },

      async load() {
        const answer = await Kefu.get(this.base + '/attachments');
        if (answer.ok) {
          this.files = answer.body;
        } else {
          this.problem = answer.problem;
        }
      },

      chosen(event) {
        this.file = event.target.files.length ? event.target.files[0] : null;
        this.problem = null;
        this.uploaded = null;
      },

      async upload() {
        if (!this.file || this.busy) {
          return;
        }
        this.busy = true;
        const data = new FormData();
        data.append('file', this.file, this.file.name);
        const answer = await Kefu.api('POST', this.base + '/attachments', data);
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.uploaded = answer.body.id;
          this.file = null;
          this.$refs.file.value = '';
          await this.load();
        }
      },

      async download(file) {
        const answer = await Kefu.download(this.base + '/attachments/' + encodeURIComponent(file.id), file.fileName);
        this.problem = answer.ok ? null : answer.problem;
      },

      size(bytes) {
        if (bytes < 1024) {
          return Kefu.t('complaints.attachments.bytes', { n: Kefu.fmt.number(bytes) });
        }
        return bytes < 1024 * 1024 ? Kefu.t('complaints.attachments.kilobytes', { n: Kefu.fmt.number(bytes / 1024, 1) })
          : Kefu.t('complaints.attachments.megabytes', { n: Kefu.fmt.number(bytes / 1024 / 1024, 1) });
      },
    }));

    Alpine.data('complaintPage', () => ({
      C,
      id: null,
      c: null,
      entries: [],
      departments: [],
      problem: null,
      loading: true,
      contact: null,
      printProblem: null,

      async init() {
        this.id = Alpine.store('route').params.id;
        const [view, departments] = await Promise.all([C.view(this.id), C.departments()]);
        this.departments = departments;
        this.loading = false;
        if (!view.ok) {
          this.problem = view.problem;
          return;
        }
        this.c = view.body;
        await this.loadHistory();
      },

      async loadHistory() {
        if (!session().is(...HISTORY)) {
          return;
        }
        const answer = await C.history(this.id);
        if (answer.ok) {
          this.entries = answer.body.filter(e => e.type !== 'CustomerContactRecorded').reverse();
        }
      },

      is(...roles) {
        return session().is(...roles);
      },

      /** The steps open to this user now (the services still decide: a refusal shows beside the step). */
      can(step) {
        const c = this.c;
        if (!c) {
          return false;
        }
        const s = c.status;
        const handler = this.is(...HANDLERS);
        switch (step) {
          case 'escalate': return handler && s === 'RECEIVED';
          // a MAJOR complaint is assigned by the head only (C3); before its escalation the service says why not
          case 'assign': return ['RECEIVED', 'ESCALATED', 'ASSIGNED'].includes(s)
            && (c.severity === 'MAJOR' ? this.is('CS_HEAD') : handler);
          case 'acknowledge': return this.is('DEPARTMENT') && s === 'ASSIGNED' && !c.acknowledged;
          case 'progress':
          case 'resolve': return this.is('DEPARTMENT') && s === 'ASSIGNED' && c.acknowledged;
          case 'followUp': return handler && s === 'RESOLVED';
          case 'archive': return handler && s === 'FOLLOWED_UP';
          case 'ruling': return this.is('CS_HEAD') && !!c.dispute && s !== 'ARCHIVED';
          case 'contact': return handler && s !== 'ARCHIVED';
          // letters, faxes, receipts, photos (C16): the desk, the handlers and the department holding it, until archived
          case 'attach': return this.is(...INTAKE, 'DEPARTMENT') && s !== 'ARCHIVED';
          case 'form': return this.is(...FORM);
          case 'history': return this.is(...HISTORY);
          default: return false;
        }
      },

      get anyStep() {
        return ['escalate', 'assign', 'acknowledge', 'progress', 'resolve', 'followUp', 'archive', 'ruling']
          .some(s => this.can(s));
      },

      /**
       * Sends one step; `scope` is the step's own form (its fields, busy and problem). Then shows the complaint and
       * its timeline again.
       */
      async act(step, body, scope) {
        if (scope.busy) {
          return false;
        }
        scope.busy = true;
        scope.problem = null;
        const answer = await Kefu.post('/api/complaints/' + encodeURIComponent(this.id) + '/' + step, body);
        if (!answer.ok) {
          scope.busy = false;
          scope.problem = answer.problem;
          return false;
        }
        const view = await C.view(this.id);
        if (view.ok) {
          this.c = view.body;
        }
        await this.loadHistory();
        scope.busy = false;
        scope.done = true;
        return true;
      },

      async readContact(scope) {
        scope.problem = null;
        const answer = await Kefu.get('/api/complaints/' + encodeURIComponent(this.id) + '/contact'
          + Kefu.query({ reason: scope.reason.trim() }));
        if (answer.ok) {
          this.contact = answer.body;
        } else {
          scope.problem = answer.problem;
        }
      },

      /**
       * One of the service's bilingual printable pages (Chinese and Russian labels), opened in a new tab: the handling
       * form ({@code form}) or the registration form ({@code registration-form}).
       */
      async printable(page = 'form') {
        this.printProblem = await Kefu.printable('/api/complaints/' + encodeURIComponent(this.id) + '/' + page);
      },

      department(id) {
        return C.departmentName(this.departments, id);
      },

      get activeDepartments() {
        return this.departments.filter(d => d.active);
      },

      party(dispute) {
        return dispute ? Kefu.t('complaints.party.' + dispute.complainant) + ' — '
          + Kefu.t('complaints.party.' + dispute.respondent) : '';
      },
    }));

    /** The handling form (C8) rendered in the console, ready to print. */
    Alpine.data('complaintForm', () => ({
      C,
      form: null,
      problem: null,
      departments: [],

      async init() {
        const id = Alpine.store('route').params.id;
        const [answer, departments] = await Promise.all([
          Kefu.get('/api/complaints/' + encodeURIComponent(id) + '/form'), C.departments()]);
        this.departments = departments;
        if (answer.ok) {
          this.form = answer.body;
        } else {
          this.problem = answer.problem;
        }
      },

      get title() {
        if (!this.form) {
          return '';
        }
        return this.form.title[Alpine.store('i18n').lang] || this.form.title.zh;
      },

      stepLabel(step) {
        const lang = Alpine.store('i18n').lang;
        return lang === 'ru' ? step.labelRu : lang === 'zh' ? step.labelZh : C.eventName(step.type);
      },

      stepDetails(step) {
        return C.details({ type: step.type, data: step.details }, this.departments);
      },

      print() {
        window.print();
      },
    }));

    /** Enquiries (C12): the list with its filters. */
    Alpine.data('enquiryList', () => ({
      C,
      filter: { status: '', stage: '', from: '', to: '' },
      page: 0,
      size: 20,
      result: { items: [], total: 0 },
      problem: null,
      exportProblem: null,

      async exportAs(format) {
        this.exportProblem = await Kefu.exportList('/api/enquiries', this.filter, format, 'enquiries');
      },

      async init() {
        await this.load();
      },

      async apply() {
        this.page = 0;
        await this.load();
      },

      async load() {
        const answer = await Kefu.get('/api/enquiries' + Kefu.query({ ...this.filter, page: this.page,
          size: this.size }));
        this.problem = answer.ok ? null : answer.problem;
        this.result = answer.ok ? answer.body : { items: [], total: 0 };
      },

      async go(page) {
        this.page = page;
        await this.load();
      },

      get pages() {
        return Math.max(1, Math.ceil(this.result.total / this.size));
      },

      canRegister() {
        return session().is(...INTAKE);
      },
    }));

    /** One enquiry: its question, its answer, answering and archiving it at the desk. */
    Alpine.data('enquiryPage', () => ({
      C,
      id: null,
      e: null,
      events: [],
      problem: null,

      async init() {
        this.id = Alpine.store('route').params.id;
        await this.load();
      },

      async load() {
        const answer = await Kefu.get('/api/enquiries/' + encodeURIComponent(this.id));
        if (answer.ok) {
          this.e = answer.body;
          this.events = [...answer.body.events].reverse();
          this.problem = null;
        } else {
          this.problem = answer.problem;
        }
      },

      /** The enquiry's first event tells what was asked. */
      get received() {
        const first = this.e && this.e.events[0];
        return first ? first.data : {};
      },

      canAct(step) {
        if (!this.e || !session().is(...INTAKE)) {
          return false;
        }
        const s = this.e.status || 'RECEIVED';
        return step === 'answer' || step === 'attach' ? s !== 'ARCHIVED' : s === 'ANSWERED';
      },

      async act(step, body, scope) {
        if (scope.busy) {
          return;
        }
        scope.busy = true;
        scope.problem = null;
        const answer = await Kefu.post('/api/enquiries/' + encodeURIComponent(this.id) + '/' + step, body);
        if (answer.ok) {
          await this.load();
          scope.done = true;
        } else {
          scope.problem = answer.problem;
        }
        scope.busy = false;
      },
    }));

    /**
     * "What is this tenant's number?" (篇5 4): the desk never tells. It records who asks and how to reach them, tells
     * the tenant and records that it did; nothing this page reads holds a tenant's contact.
     */
    Alpine.data('tenantContacts', () => ({
      STATES: ['REQUESTED', 'TENANT_NOTIFIED'],
      request: null,
      busy: false,
      problem: null,
      recorded: null,
      lists: { REQUESTED: { page: 0, items: [], problem: null },
        TENANT_NOTIFIED: { page: 0, items: [], problem: null } },
      size: 20,
      selected: null,
      told: null,
      done: null,
      contact: null,

      async init() {
        this.reset();
        await Promise.all(this.STATES.map(s => this.load(s)));
      },

      reset() {
        this.request = { tenant: '', name: '', phone: '', purpose: '' };
      },

      async load(status) {
        const list = this.lists[status];
        const answer = await Kefu.get(TENANT_CONTACTS + Kefu.query({ status, page: list.page, size: this.size }));
        list.problem = answer.ok ? null : answer.problem;
        list.items = answer.ok ? answer.body : [];
      },

      async go(status, page) {
        this.lists[status].page = page;
        await this.load(status);
      },

      view(id) {
        return Kefu.get(TENANT_CONTACTS + '/' + encodeURIComponent(id));
      },

      async refresh() {
        this.STATES.forEach(s => { this.lists[s].page = 0; });
        await Promise.all(this.STATES.map(s => this.load(s)));
      },

      async submit() {
        if (this.busy) {
          return;
        }
        this.busy = true;
        this.problem = null;
        const r = this.request;
        try {
          const answer = await Kefu.post(TENANT_CONTACTS, { tenant: r.tenant.trim(), enquirerName: r.name.trim(),
            enquirerPhone: r.phone.trim(), purpose: r.purpose.trim() });
          if (!answer.ok) {
            this.problem = answer.problem;
            return;
          }
          await this.view(answer.body.id);
          this.recorded = { id: answer.body.id, tenant: r.tenant.trim() };
          this.reset();
          await this.refresh();
          this.$nextTick(() => document.getElementById('tc-recorded')?.focus());
        } finally {
          this.busy = false;
        }
      },

      /** Opens the notification form for one request still to tell. */
      choose(r) {
        this.selected = r;
        this.told = { how: '', response: '', reason: Kefu.t('complaints.tenantContacts.contactReasonDefault'),
          busy: false, problem: null, contactProblem: null };
        this.contact = null;
        this.done = null;
        this.$nextTick(() => document.getElementById('tc-how')?.focus());
      },

      close() {
        const id = this.selected && this.selected.id;
        this.selected = null;
        this.$nextTick(() => document.querySelector('#tc-requested [data-id="' + id + '"] button')?.focus());
      },

      async notify() {
        const told = this.told;
        if (told.busy) {
          return;
        }
        told.busy = true;
        told.problem = null;
        const id = this.selected.id;
        const answer = await Kefu.post(TENANT_CONTACTS + '/' + encodeURIComponent(id) + '/notified',
          { how: told.how.trim(), tenantResponse: told.response.trim() || null });
        if (!answer.ok) {
          // told meanwhile by a colleague, say: the refusal stays beside the step, the lists show how things are
          told.problem = answer.problem;
          if (answer.status === 409) {
            await this.view(id);
          }
          told.busy = false;
          await this.refresh();
          return;
        }
        await this.view(id);
        this.done = { tenant: this.selected.tenant };
        this.selected = null;
        await this.refresh();
        this.$nextTick(() => document.getElementById('tc-done')?.focus());
      },

      /** The enquirer's phone in clear, to pass on to the tenant: with a reason, and recorded (S2). */
      async readContact() {
        this.told.contactProblem = null;
        const answer = await Kefu.get(TENANT_CONTACTS + '/' + encodeURIComponent(this.selected.id) + '/contact'
          + Kefu.query({ reason: this.told.reason.trim() }));
        if (answer.ok) {
          this.contact = answer.body;
        } else {
          this.told.contactProblem = answer.problem;
        }
      },

      enquirer(r) {
        return r.enquirerName + (r.enquirerMaskedPhone ? ' ' + r.enquirerMaskedPhone : '');
      },
    }));
  });
})();
