package com.kefu.membership.web;

import com.kefu.membership.command.MemberRegistration;
import com.kefu.membership.command.MemberRegistration.Registered;
import com.kefu.membership.query.MemberQueries;
import com.kefu.membership.query.MemberView;
import com.kefu.platform.web.NotFound;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/members")
class MemberController {

    private final MemberRegistration registration;
    private final MemberQueries queries;

    MemberController(MemberRegistration registration, MemberQueries queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD')")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterMemberRequest request) {
        Registered registered = registration.register(request.toNewMember());
        return ResponseEntity.created(URI.create("/api/members/" + registered.id())).body(registered);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')")
    MemberView get(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFound("no member " + id));
    }
}
