package com.kefu.dutylog.api;

/**
 * Who an incident befell and how, where the rulebook wants the CS manager and the CS head told at once (篇2 B3,
 * D14): a guest taken ill, a drunk guest, an accident to a guest or to staff. Beside the incident's category (what
 * happened: a guest slipping on a leak is WATER and GUEST_ACCIDENT; a guest taken ill is OTHER, 篇3 C).
 */
public enum IncidentKind {
    GUEST_ILL, GUEST_DRUNK, GUEST_ACCIDENT, STAFF_ACCIDENT
}
