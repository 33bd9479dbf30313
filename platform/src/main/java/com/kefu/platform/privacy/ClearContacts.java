package com.kefu.platform.privacy;

import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.rules.NotFound;

import java.util.function.BiFunction;

/**
 * A record's contact in clear (S1): its name and phone folded from its history, each as the latest event names it.
 * Every read is recorded with its reason before the answer (S2); a record of another kind, or none, is a 404.
 */
public class ClearContacts {

    private final EventHistory history;
    private final PersonalDataReads reads;

    public ClearContacts(EventHistory history, PersonalDataReads reads) {
        this.history = history;
        this.reads = reads;
    }

    /** A name and a phone in clear; the phone may be null. */
    public record Contact(String id, String name, String phone) {

        public Contact withName(String name) {
            return new Contact(id, name, phone);
        }

        public Contact withPhone(String phone) {
            return new Contact(id, name, phone);
        }
    }

    /**
     * The contact of the {@code aggregateType} (a {@code Complaint}, a {@code Member}…) {@code id}: {@code fold} takes
     * the contact so far and an event and answers the contact after it. A record whose events name no name is none:
     * {@code NotFound("no " + noun + " " + id)}. The read is recorded as {@code what}, for {@code why}.
     */
    public Contact read(String aggregateType, String id, BiFunction<Contact, Object, Contact> fold, String noun,
                        String what, String why) {
        Contact contact = new Contact(id, null, null);
        for (Object event : history.payloads(aggregateType, id)) {
            contact = fold.apply(contact, event);
        }
        if (contact.name() == null) {
            throw new NotFound("no " + noun + " " + id);
        }
        reads.record(id, what, why);
        return contact;
    }
}
