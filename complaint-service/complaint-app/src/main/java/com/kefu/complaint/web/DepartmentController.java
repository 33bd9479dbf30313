package com.kefu.complaint.web;

import com.kefu.complaint.query.Departments;
import com.kefu.complaint.query.Departments.Department;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The departments complaints go to (C5): every member of staff reads them, ADMIN keeps them. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    record DepartmentRequest(@NotBlank @Size(max = 60) String nameZh, @NotBlank @Size(max = 80) String nameRu,
                             @NotBlank @Size(max = 80) String nameEn, Boolean active) {
    }

    @Operation(summary = "Lists the departments complaints are assigned to")
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Department> all() {
        return departments.all();
    }

    @Operation(summary = "Creates or changes a department")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Department save(@PathVariable @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String id,
                    @Valid @RequestBody DepartmentRequest request) {
        var department = new Department(id, request.nameZh(), request.nameRu(), request.nameEn(),
                request.active() == null || request.active());
        departments.save(department);
        return department;
    }
}
