package com.kefu.dutylog.api;

/**
 * What the desk does on a fire (篇2 T, D13), in the rulebook's order: tell the senior person on duty (当值最高领导)
 * and the security control room (保安部监控室), call the fire brigade (消防中心报警电话, 119), fight it with the nearest
 * suitable extinguisher, guide the evacuation as the management centre directs.
 */
public enum FireStep {
    SENIOR_ON_DUTY_TOLD,
    SECURITY_CONTROL_ROOM_TOLD,
    FIRE_BRIGADE_CALLED,
    EXTINGUISHER_USED,
    EVACUATION_GUIDED
}
