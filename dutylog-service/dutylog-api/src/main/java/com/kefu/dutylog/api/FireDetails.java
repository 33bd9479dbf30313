package com.kefu.dutylog.api;

/**
 * What the report of a fire tells (篇2 T, D10): where the fire is, what burns, whether there are flames and
 * smoke.
 */
public record FireDetails(String fireLocation, String burning, boolean flame, boolean smoke) {
}
