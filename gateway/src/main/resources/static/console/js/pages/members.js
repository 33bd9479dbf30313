'use strict';
/*
 * Members (M1–M5): registration and finding a member by card, their tier, points, status and card; gift campaigns
 * and hand-outs; the front desk's service requests. A read right after an action already shows it (the service
 * keeps its views in the command's transaction).
 */
(function () {
  const READERS = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR'];
  // who may change a membership and organise campaigns (MemberController, CampaignController)
  const MEMBERSHIP = ['AFTER_SALES', 'CS_HEAD'];
  // who hands out gifts and serves requests at the desk
  const DESK = ['FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER'];
  const TIERS = ['REGULAR', 'SILVER', 'GOLD', 'VIP'];
  const STATUSES = ['ACTIVE', 'SUSPENDED', 'CANCELLED'];
  const KINDS = ['RETURN', 'EXCHANGE', 'INVOICE', 'STORAGE', 'PRE_ORDER', 'GROUP_PURCHASE'];
  const REQUEST_STATUSES = ['REGISTERED', 'DONE', 'CANCELLED'];
  const CARD = /^[0-9]{12}$/;
  const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  Kefu.route({ path: '/members', page: 'members-register', roles: READERS, nav: 'members.nav.members', order: 80 });
  Kefu.route({ path: '/members/:id', page: 'members-member', roles: READERS });
  Kefu.route({ path: '/gift-campaigns', page: 'members-campaigns', roles: READERS, nav: 'members.nav.campaigns',
    order: 81 });
  Kefu.route({ path: '/service-requests', page: 'members-requests', roles: READERS, nav: 'members.nav.requests',
    order: 82 });

  /** The member a card number or a member id names: {ok, body: member, problem}. */
  async function findMember(text) {
    const value = (text || '').replace(/\s+/g, '');
    if (ID.test(value)) {
      return Kefu.get('/api/members/' + value);
    }
    if (CARD.test(value)) {
      return Kefu.get('/api/members/by-card/' + value);
    }
    return { ok: false, problem: { type: 'urn:kefu:problem:member-lookup', status: 400 } };
  }

  const names = {
    tiers: TIERS,
    statuses: STATUSES,
    kinds: KINDS,
    requestStatuses: REQUEST_STATUSES,
    tierName(tier) {
      return tier ? Kefu.t('members.tier.' + tier) : '';
    },
    tierBadge(tier) {
      return tier === 'VIP' ? 'badge urgent' : tier === 'GOLD' ? 'badge warn' : 'badge';
    },
    statusName(status) {
      return status ? Kefu.t('members.status.' + status) : '';
    },
    statusBadge(status) {
      return status === 'ACTIVE' ? 'badge ok' : status === 'SUSPENDED' ? 'badge warn' : 'badge danger';
    },
    kindName(kind) {
      return kind ? Kefu.t('members.kind.' + kind) : '';
    },
    requestStatusName(status) {
      return status ? Kefu.t('members.requestStatus.' + status) : '';
    },
    requestBadge(status) {
      return status === 'DONE' ? 'badge ok' : status === 'CANCELLED' ? 'badge danger' : 'badge warn';
    },
    day(value) {
      return value ? Kefu.fmt.date(value + 'T00:00:00') : '';
    },
    can(...roles) {
      return Alpine.store('session').is(...roles);
    },
    canChange() {
      return Alpine.store('session').is(...MEMBERSHIP);
    },
    atDesk() {
      return Alpine.store('session').is(...DESK);
    },
    running(campaign) {
      const today = Kefu.today();
      return campaign.startsOn <= today && today <= campaign.endsOn;
    },
    benefits(tier) {
      if (!tier) {
        return '';
      }
      const lang = Alpine.store('i18n').lang;
      return lang === 'zh' ? tier.benefitsZh : lang === 'ru' ? tier.benefitsRu : tier.benefitsZh + ' / ' + tier.benefitsRu;
    },
  };

  /** Completing or cancelling a service request (M5), from the requests page or a member's page. */
  const closing = {
    async closeRequest(request, form, how, after) {
      form.problem = null;
      const body = how === 'complete' ? { note: form.note || null } : { reason: form.reason };
      const answer = await Kefu.post(`/api/service-requests/${request.id}/${how}`, body);
      if (!answer.ok) {
        form.problem = answer.problem;
        return;
      }
      form.open = false;
      await after(answer.body.status);
    },
  };

  document.addEventListener('alpine:init', () => {

    // ---- finding and registering members -------------------------------------------------------------------

    Alpine.data('membersDesk', () => ({
      ...names,
      find: '', findProblem: null,
      member: { name: '', phone: '', tier: 'REGULAR' }, registerProblem: null, busy: false,
      filter: { status: '', tier: '' }, page: 0, members: [], problem: null, loaded: false, exportProblem: null,
      tierRules: [],
      async init() {
        const tiers = await Kefu.get('/api/tiers');
        this.tierRules = tiers.ok ? tiers.body : [];
        await this.load();
      },
      async load() {
        const answer = await Kefu.get('/api/members' + Kefu.query({ status: this.filter.status, tier: this.filter.tier,
          page: this.page, size: 20 }));
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        this.members = answer.ok ? answer.body : [];
      },
      turn(by) {
        this.page = Math.max(0, this.page + by);
        this.load();
      },
      /** All the members the filters select, masked as the list, as CSV or XLSX (issue 19 item 7). */
      async exportAs(format) {
        this.exportProblem = await Kefu.exportList('/api/members', this.filter, format, 'members');
      },
      async lookup() {
        this.findProblem = null;
        const answer = await findMember(this.find);
        if (!answer.ok) {
          this.findProblem = answer.problem;
          return;
        }
        Kefu.go('/members/' + answer.body.id);
      },
      async register() {
        this.busy = true;
        this.registerProblem = null;
        const answer = await Kefu.post('/api/members', this.member);
        this.busy = false;
        if (!answer.ok) {
          this.registerProblem = answer.problem;
          return;
        }
        Kefu.go('/members/' + answer.body.id);
      },
    }));

    // ---- one member ---------------------------------------------------------------------------------------------

    Alpine.data('membersMember', () => ({
      ...names,
      ...closing,
      member: null, problem: null, tierRules: [], campaigns: [],
      points: { amount: '', reason: '' }, pointsProblem: null, pointsNotice: '',
      tier: '', tierProblem: null,
      status: { reason: '' }, statusProblem: null,
      card: { reason: '' }, cardProblem: null, cardNotice: '',
      details: { name: '', phone: '' }, detailsProblem: null,
      contact: { reason: '', shown: null }, contactProblem: null,
      gift: { campaignId: '', quantity: 1 }, giftProblem: null, giftNotice: '',
      request: { kind: 'STORAGE', details: '' }, requestProblem: null, requestNotice: '',
      get id() {
        return Alpine.store('route').params.id;
      },
      async init() {
        const [tiers, campaigns] = await Promise.all([Kefu.get('/api/tiers'),
          this.atDesk() ? Kefu.get('/api/campaigns') : Promise.resolve({ ok: false })]);
        this.tierRules = tiers.ok ? tiers.body : [];
        // running campaigns, those with gifts left first
        this.campaigns = campaigns.ok ? campaigns.body.filter(c => this.running(c))
          .sort((a, b) => (b.stock > 0) - (a.stock > 0)) : [];
        this.gift.campaignId = this.campaigns.length ? this.campaigns[0].id : '';
        await this.load();
      },
      async load() {
        const read = () => Kefu.get('/api/members/' + this.id);
        const answer = await read();
        this.problem = answer.ok ? null : answer.problem;
        if (answer.ok) {
          this.member = answer.body;
          this.tier = answer.body.tier;
        }
      },
      tierRule() {
        return this.member ? this.tierRules.find(t => t.tier === this.member.tier) : null;
      },
      async changePoints(sign) {
        this.pointsProblem = null;
        this.pointsNotice = '';
        const delta = sign * Math.abs(parseInt(this.points.amount, 10) || 0);
        const answer = await Kefu.post(`/api/members/${this.id}/points`, { delta, reason: this.points.reason });
        if (!answer.ok) {
          this.pointsProblem = answer.problem;
          return;
        }
        await this.load();
        this.points = { amount: '', reason: '' };
        this.pointsNotice = Kefu.t('members.points.balance', { points: Kefu.fmt.number(answer.body.points) });
      },
      async changeTier() {
        this.tierProblem = null;
        const tier = this.tier;
        const answer = await Kefu.post(`/api/members/${this.id}/tier`, { tier });
        if (!answer.ok) {
          this.tierProblem = answer.problem;
          return;
        }
        await this.load();
      },
      async changeStatus(how, target) {
        this.statusProblem = null;
        const body = how === 'reinstate' ? { reason: this.status.reason || null } : { reason: this.status.reason };
        const answer = await Kefu.post(`/api/members/${this.id}/${how}`, body);
        if (!answer.ok) {
          this.statusProblem = answer.problem;
          return;
        }
        this.status.reason = '';
        await this.load();
      },
      async replaceCard() {
        this.cardProblem = null;
        this.cardNotice = '';
        const answer = await Kefu.post(`/api/members/${this.id}/card`, { reason: this.card.reason });
        if (!answer.ok) {
          this.cardProblem = answer.problem;
          return;
        }
        this.card.reason = '';
        await this.load();
        this.cardNotice = Kefu.t('members.card.replaced', { card: answer.body.cardNumber });
      },
      async changeDetails() {
        this.detailsProblem = null;
        const body = { name: this.details.name || null, phone: this.details.phone || null };
        const answer = await Kefu.api('PATCH', '/api/members/' + this.id, body);
        if (!answer.ok) {
          this.detailsProblem = answer.problem;
          return;
        }
        this.details = { name: '', phone: '' };
        await this.load();
      },
      async showContact() {
        this.contactProblem = null;
        const answer = await Kefu.get(`/api/members/${this.id}/contact` + Kefu.query({ reason: this.contact.reason }));
        this.contact.shown = answer.ok ? answer.body : null;
        this.contactProblem = answer.ok ? null : answer.problem;
      },
      async handOut() {
        this.giftProblem = null;
        this.giftNotice = '';
        const answer = await Kefu.post(`/api/campaigns/${this.gift.campaignId}/handouts`,
          { memberId: this.id, quantity: parseInt(this.gift.quantity, 10) || 1 });
        if (!answer.ok) {
          this.giftProblem = answer.problem;
          return;
        }
        await this.load();
        this.giftNotice = Kefu.t('members.gift.handedOut', { stock: Kefu.fmt.number(answer.body.stock) });
      },
      async openRequest() {
        this.requestProblem = null;
        this.requestNotice = '';
        const answer = await Kefu.post('/api/service-requests', { memberId: this.id, kind: this.request.kind,
          details: this.request.details });
        if (!answer.ok) {
          this.requestProblem = answer.problem;
          return;
        }
        this.request.details = '';
        await this.load();
        this.requestNotice = Kefu.t('members.requests.ticket', { number: answer.body.number });
      },
      close(request, form, how) {
        return this.closeRequest(request, form, how,
          () => this.load());
      },
    }));

    // ---- gift campaigns -------------------------------------------------------------------------------------------

    Alpine.data('membersCampaigns', () => ({
      ...names,
      campaigns: [], problem: null, loaded: false,
      campaign: { name: '', item: '', stock: 100, perMemberLimit: 1, startsOn: Kefu.today(),
        endsOn: Kefu.plusDays(Kefu.today(), 30) },
      startProblem: null, startNotice: '',
      handout: { campaignId: '', card: '', quantity: 1 }, handoutProblem: null, handoutNotice: '',
      async init() {
        await this.load();
      },
      async load() {
        const read = () => Kefu.get('/api/campaigns');
        const answer = await read();
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        this.campaigns = answer.ok ? answer.body.slice().sort((a, b) => String(b.startsOn).localeCompare(a.startsOn))
          : [];
        if (!this.handout.campaignId || !this.campaigns.some(c => c.id === this.handout.campaignId)) {
          const first = this.campaigns.find(c => this.running(c) && c.stock > 0)
            || this.campaigns.find(c => this.running(c));
          this.handout.campaignId = first ? first.id : '';
        }
      },
      async start() {
        this.startProblem = null;
        this.startNotice = '';
        const body = { ...this.campaign, stock: parseInt(this.campaign.stock, 10),
          perMemberLimit: parseInt(this.campaign.perMemberLimit, 10),
          startsOn: this.campaign.startsOn || null, endsOn: this.campaign.endsOn || null };
        const answer = await Kefu.post('/api/campaigns', body);
        if (!answer.ok) {
          this.startProblem = answer.problem;
          return;
        }
        await this.load();
        this.handout.campaignId = answer.body.id;
        this.startNotice = Kefu.t('members.campaigns.started', { name: body.name });
        this.campaign.name = '';
        this.campaign.item = '';
      },
      async addStock(campaign, form) {
        form.problem = null;
        const answer = await Kefu.post(`/api/campaigns/${campaign.id}/stock`,
          { quantity: parseInt(form.quantity, 10) });
        if (!answer.ok) {
          form.problem = answer.problem;
          return;
        }
        form.quantity = '';
        await this.load();
      },
      async handOut() {
        this.handoutProblem = null;
        this.handoutNotice = '';
        const member = await findMember(this.handout.card);
        if (!member.ok) {
          this.handoutProblem = member.problem;
          return;
        }
        const answer = await Kefu.post(`/api/campaigns/${this.handout.campaignId}/handouts`,
          { memberId: member.body.id, quantity: parseInt(this.handout.quantity, 10) || 1 });
        if (!answer.ok) {
          this.handoutProblem = answer.problem;
          return;
        }
        await this.load();
        this.handoutNotice = Kefu.t('members.gift.handedOutTo', { name: member.body.name,
          card: member.body.cardNumber, stock: Kefu.fmt.number(answer.body.stock) });
      },
    }));

    // ---- service requests -----------------------------------------------------------------------------------------

    Alpine.data('membersRequests', () => ({
      ...names,
      ...closing,
      filter: { kind: '', status: 'REGISTERED' }, page: 0, requests: [], problem: null, loaded: false,
      request: { kind: 'STORAGE', card: '', details: '' }, requestProblem: null, ticket: '',
      /** A ticket that would not print: {id, problem}. */
      printProblem: null,
      async init() {
        await this.load();
      },
      /** The request's ticket (the storage ticket for storage) as the bilingual printable slip (M5), in a new tab. */
      async printTicket(r) {
        const problem = await Kefu.printable('/api/service-requests/' + encodeURIComponent(r.id) + '/ticket');
        this.printProblem = problem ? { id: r.id, problem } : null;
      },
      async load() {
        const read = () => Kefu.get('/api/service-requests' + Kefu.query({ kind: this.filter.kind,
          status: this.filter.status, page: this.page, size: 20 }));
        const answer = await read();
        this.loaded = true;
        this.problem = answer.ok ? null : answer.problem;
        this.requests = answer.ok ? answer.body.map(r => ({ ...r, form: this.form() })) : [];
      },
      form() {
        return { note: '', reason: '', problem: null, open: false, how: 'complete' };
      },
      turn(by) {
        this.page = Math.max(0, this.page + by);
        this.load();
      },
      async open() {
        this.requestProblem = null;
        this.ticket = '';
        let memberId = null;
        if (this.request.card.trim()) {
          const member = await findMember(this.request.card);
          if (!member.ok) {
            this.requestProblem = member.problem;
            return;
          }
          memberId = member.body.id;
        }
        const answer = await Kefu.post('/api/service-requests', { memberId, kind: this.request.kind,
          details: this.request.details });
        if (!answer.ok) {
          this.requestProblem = answer.problem;
          return;
        }
        this.ticket = answer.body.number;
        this.request.details = '';
        this.request.card = '';
        this.filter = { kind: '', status: 'REGISTERED' };
        this.page = 0;
        await this.load();
      },
      close(request, how) {
        return this.closeRequest(request, request.form, how, async status => {
          // the closed ticket stays on the page with its outcome until the next reading
          request.status = status;
          request.closedBy = Alpine.store('session').user;
          request.closedAt = new Date().toISOString();
        });
      },
    }));
  });
})();
