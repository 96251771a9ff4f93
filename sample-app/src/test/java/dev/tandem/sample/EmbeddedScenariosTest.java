package dev.tandem.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The scenarios on the embedded engine, the sample's default. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
@Import(TestClock.class)
class EmbeddedScenariosTest extends ScenariosContract {}
