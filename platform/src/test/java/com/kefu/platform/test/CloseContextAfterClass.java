package com.kefu.platform.test;

import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Closes each test class's Spring context when the class is done, while PostgreSQL and Kafka still run. Left
 * open, the contexts would all close at JVM exit, after the embedded servers stopped, each waiting out its
 * connection timeouts. It also keeps finished contexts from consuming events while later classes run.
 * Registered for every test that has platform's test-jar (META-INF/spring.factories).
 */
public class CloseContextAfterClass extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        }
    }
}
