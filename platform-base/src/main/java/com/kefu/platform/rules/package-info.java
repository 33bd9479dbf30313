/**
 * The rule exceptions of the domain: {@link com.kefu.platform.rules.RuleViolation} (a rule refuses the step, 409),
 * {@link com.kefu.platform.rules.NotFound} (404) and {@link com.kefu.platform.rules.InvalidRequest} (400). Commands
 * and queries throw them without knowing the web; the web layer's {@code ProblemHandler} maps them.
 */
package com.kefu.platform.rules;
