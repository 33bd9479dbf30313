/**
 * Events that stay inside dutylog-service (not published on dutylog.events): lost and found names finders and
 * claimants, which no other service needs. Both the aggregates and the projections use them.
 */
package com.kefu.dutylog.event;
