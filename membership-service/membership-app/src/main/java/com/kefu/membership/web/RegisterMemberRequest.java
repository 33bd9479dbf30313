package com.kefu.membership.web;

import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberRegistration.NewMember;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/members}: who the member is and the tier they join at (M1). */
public record RegisterMemberRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}", message = "must be a phone number") String phone,
        @NotNull Tier tier) {

    NewMember toNewMember() {
        return new NewMember(name, phone, tier);
    }
}
