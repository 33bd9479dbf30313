-- The supervisor's instructions on escalated complaints (上级的指导, C14), learnt from complaint.events: each goes
-- into the next handover of the front desk (篇4 G, D20). proposed_in: the shift whose proposal carries it;
-- handed_over_in: the shift whose accepted handover carried it (null: still to be handed over).
create table supervisor_instruction (
    event_id       varchar(36)  primary key,
    complaint_id   varchar(36)  not null,
    number         varchar(20)  not null,
    given_by       varchar(60)  not null,
    text           text         not null,
    given_at       timestamptz  not null,
    proposed_in    varchar(36),
    handed_over_in varchar(36)
);
create index supervisor_instruction_pending on supervisor_instruction (given_at) where handed_over_in is null;
