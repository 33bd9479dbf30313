package com.kefu.platform.contracts;

/**
 * A published event that concerns one responsible department: the envelope names it, so that the
 * department's subscribers can select their events without reading {@code data}.
 */
public interface DepartmentScoped {

    String department();
}
