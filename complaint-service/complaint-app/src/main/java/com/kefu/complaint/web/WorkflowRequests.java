package com.kefu.complaint.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the workflow calls on {@code /api/complaints/{id}/…}. */
final class WorkflowRequests {

    private WorkflowRequests() {
    }

    record Escalation(@NotBlank @Size(max = 1000) String reason) {
    }

    /** Departments are data (C5): an id such as {@code security} or {@code engineering}. */
    record Assignment(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}",
                              message = "must be a department id such as 'security' or 'engineering'") String department,
                      @Size(max = 2000) String instructions) {
    }

    record Acknowledgement(@Size(max = 2000) String note) {
    }

    record Progress(@NotBlank @Size(max = 4000) String note) {
    }

    record Resolution(@NotBlank @Size(max = 4000) String result) {
    }

    /** {@code satisfied}: what the customer said, when they said it (C7). */
    record FollowUp(@NotNull Boolean reached, @Min(1) @Max(5) Integer satisfaction,
                    @Size(max = 2000) String comment, Boolean satisfied) {
    }

    record Ruling(@NotBlank @Size(max = 4000) String ruling) {
    }

    record SupervisorInstructions(@NotBlank @Size(max = 2000) String instructions) {
    }

    record StatusAnswer(String id, String status) {
    }
}
