package com.kefu.broadcast.event;

import java.time.Instant;

/** A piece of the station's equipment was entered in its list (B6). */
public record EquipmentRegisteredEvent(String equipmentId, String name, String location, String registeredBy,
                                       Instant registeredAt) {
}
