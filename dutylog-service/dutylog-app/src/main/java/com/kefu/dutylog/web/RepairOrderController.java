package com.kefu.dutylog.web;

import com.kefu.dutylog.command.RoundDesk;
import com.kefu.dutylog.query.RepairOrderView;
import com.kefu.dutylog.query.RoundQueries;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;

import static com.kefu.dutylog.web.Access.DEPARTMENT;
import static com.kefu.dutylog.web.Access.REPAIR_READERS;

/**
 * Repair orders to engineering (D16): opened by the lobby's rounds, acknowledged and closed by engineering's users;
 * 409 naming the rule for a step out of order or a user of another department. A department's user sees only their
 * own department's orders (S4).
 */
@RestController
@RequestMapping("/api/repair-orders")
@Validated
class RepairOrderController {

    private final RoundDesk desk;
    private final RoundQueries rounds;
    private final EventHistory history;

    RepairOrderController(RoundDesk desk, RoundQueries rounds, EventHistory history) {
        this.desk = desk;
        this.rounds = rounds;
        this.history = history;
    }

    record AcknowledgementRequest(@Size(max = 2000) String note) {
    }

    /** {@code result}: what engineering did. */
    record ClosureRequest(@NotBlank @Size(max = 2000) String result) {
    }

    /** {@code open}: true, only those not closed; false, only the closed; all when absent. */
    @Operation(summary = "Lists repair orders")
    @GetMapping
    @PreAuthorize(REPAIR_READERS)
    List<RepairOrderView> list(@RequestParam(required = false) Boolean open,
                               @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
                               String department) {
        CurrentUser user = CurrentUser.get();
        return rounds.repairOrders(open, user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : department);
    }

    @Operation(summary = "Shows a repair order")
    @GetMapping("/{id}")
    @PreAuthorize(REPAIR_READERS)
    RepairOrderView get(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        String own = user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : null;
        return rounds.repairOrder(id).filter(order -> own == null || Objects.equals(own, order.department()))
                     .orElseThrow(() -> new NotFound("no repair order " + id));
    }

    @Operation(summary = "Lists a repair order's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(REPAIR_READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        get(id);
        return history.of("RepairOrder", id, () -> new NotFound("no repair order " + id));
    }

    /** Engineering has the order (D16): 409 {@code repair-order-other-department}, {@code repair-order-acknowledged}. */
    @Operation(summary = "Acknowledges a repair order for engineering")
    @PostMapping("/{id}/acknowledgement")
    @PreAuthorize(DEPARTMENT)
    RepairOrderView acknowledge(@PathVariable String id,
                                @Valid @RequestBody(required = false) AcknowledgementRequest request) {
        requireOrder(id);
        desk.acknowledge(id, request == null ? null : request.note());
        return rounds.repairOrder(id).orElseThrow();
    }

    /**
     * Engineering closes the order saying what it did (D16): 409 {@code repair-order-not-acknowledged},
     * {@code repair-order-closed}, {@code repair-order-other-department}.
     */
    @Operation(summary = "Closes a repair order, saying what was done")
    @PostMapping("/{id}/closure")
    @PreAuthorize(DEPARTMENT)
    RepairOrderView close(@PathVariable String id, @Valid @RequestBody ClosureRequest request) {
        requireOrder(id);
        desk.close(id, request.result());
        return rounds.repairOrder(id).orElseThrow();
    }

    /** Before a command: an id of another kind of record is no repair order (S5). */
    private void requireOrder(String id) {
        if (rounds.repairOrder(id).isEmpty()) {
            throw new NotFound("no repair order " + id);
        }
    }
}
