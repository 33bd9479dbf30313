/** Events that stay inside complaint-service: what its projections read besides the published contract. */
package com.kefu.complaint.event;
