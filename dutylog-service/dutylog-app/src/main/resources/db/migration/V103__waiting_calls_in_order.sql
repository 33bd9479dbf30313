-- Calls that waited for a shift enter it in batches, in the order they were received (D11).
create index pending_complaint_call_received on pending_complaint_call (received_at, complaint_id);
