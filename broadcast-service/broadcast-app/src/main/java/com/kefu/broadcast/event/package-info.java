/**
 * The service's own events that stay inside it (the plan, equipment, review notes): the aggregates apply them,
 * the projections read them. What other services may read is in broadcast-api.
 */
package com.kefu.broadcast.event;
