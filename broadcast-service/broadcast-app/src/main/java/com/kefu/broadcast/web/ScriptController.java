package com.kefu.broadcast.web;

import com.kefu.broadcast.command.ScriptDesk;
import com.kefu.broadcast.command.ScriptDesk.Drafted;
import com.kefu.broadcast.query.ScriptQueries;
import com.kefu.broadcast.query.ScriptView;
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
@RequestMapping("/api/scripts")
class ScriptController {

    private final ScriptDesk desk;
    private final ScriptQueries queries;

    ScriptController(ScriptDesk desk, ScriptQueries queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize("hasRole('BROADCASTER')")
    ResponseEntity<Drafted> draft(@Valid @RequestBody DraftScriptRequest request) {
        Drafted drafted = desk.draft(request.toNewScript());
        return ResponseEntity.created(URI.create("/api/scripts/" + drafted.id())).body(drafted);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('BROADCASTER', 'SUPERVISOR', 'AUDITOR')")
    ScriptView get(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFound("no script " + id));
    }
}
