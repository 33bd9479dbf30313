package com.kefu.gateway.streams;

import java.util.Map;

/**
 * What one complaint event tells one department: the SSE event name (e.g. {@code complaint-assigned}) and its
 * JSON data.
 */
record DepartmentNotice(String department, String event, Map<String, Object> data) {
}
