package io.atspro;

import io.atspro.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers the real-server stack for every Quarkus test of the run (a global test resource). */
@QuarkusTestResource(StackTestResource.class)
public class StackResourceRegistration {
}
