package com.kefu.complaint.web;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Party;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.command.ComplaintIntake.NewComplaint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/complaints}: the customer information registration form (C1). */
public record RegisterComplaintRequest(
        @NotNull Channel channel,
        @NotNull Category category,
        @NotNull Severity severity,
        @NotNull @Valid Customer customer,
        @Valid MerchantRef merchant,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 4000) String description,
        @Valid DisputeRequest dispute) {

    public record Customer(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}", message = "must be a phone number") String phone,
            @Size(max = 40) String memberId) {
    }

    public record MerchantRef(@NotBlank @Size(max = 20) String shopNo, @Size(max = 100) String name) {
    }

    /** The parties of a dispute (C9): CUSTOMER against MERCHANT, or MERCHANT against MALL. */
    public record DisputeRequest(@NotNull Party complainant, @NotNull Party respondent) {
    }

    @AssertTrue(message = "must be CUSTOMER against MERCHANT or MERCHANT against MALL, with the merchant named")
    boolean isDispute() {
        return dispute == null || (new Dispute(dispute.complainant(), dispute.respondent()).isAllowed()
                && merchant != null);
    }

    NewComplaint toNewComplaint() {
        return new NewComplaint(channel, category, severity, customer.name(), customer.phone(), customer.memberId(),
                merchant == null ? null : new Merchant(merchant.shopNo(), merchant.name()), subject, description,
                dispute == null ? null : new Dispute(dispute.complainant(), dispute.respondent()));
    }
}
