package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mlplatform.e2e.Platform.as;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The portal in headless Chromium, signed in through Keycloak's own page. */
@Tag("e2e")
@Order(2)
class PortalE2ETest {

    @Test
    void shouldSignAliceInAndShowHerTenant(TestInfo test) throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");

                browser.text("Acme Corp");
                browser.awaitTrue(
                        "the URL names tenant acme", d -> d.getCurrentUrl().contains("/t/acme/"));
                assertThat(browser.driver.getPageSource()).doesNotContain("Admin");
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    @Test
    void shouldLetAnAdminCreateAndSuspendATenant(TestInfo test) throws Exception {
        String slug = Platform.unique("umbrella");
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("admin", "admin");
                browser.driver.get(Platform.PORTAL + "/admin/tenants");

                browser.element(By.id("create-tenant")).click();
                browser.element(By.cssSelector("#tenant-slug input")).sendKeys(slug);
                browser.element(By.cssSelector("#tenant-name input")).sendKeys("Umbrella Corp");
                browser.element(By.cssSelector("#tenant-owner input")).sendKeys("bob");
                browser.element(By.id("tenant-create")).click();

                browser.element(By.id("suspend-" + slug)).click();
                browser.element(By.id("confirm-status")).click();
                browser.element(By.id("reactivate-" + slug));
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
        as("admin")
                .get("/api/v1/admin/tenants/" + slug)
                .then()
                .statusCode(200)
                .body("name", equalTo("Umbrella Corp"))
                .body("status", equalTo("SUSPENDED"));
        as("bob").get("/api/v1/tenants/" + slug + "/members").then().statusCode(403);
    }

    @Test
    void shouldSignOutThroughKeycloak(TestInfo test) throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("bob", "bob");
                browser.text("Globex");

                browser.element(By.xpath("//vaadin-button[normalize-space(.)='Sign out']")).click();

                browser.awaitTrue(
                        "back on Keycloak's sign-in page",
                        d -> !d.findElements(By.id("kc-login")).isEmpty());
                browser.driver.get(Platform.PORTAL);
                browser.element(By.id("kc-login"));
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    @Test
    void shouldUploadAModelVersionAndShowItReady(TestInfo test) throws Exception {
        String model = RegistryE2ETest.createModel("acme", "alice");
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");
                browser.driver.get(Platform.PORTAL + "/t/acme/models/" + model);

                WebElement upload = browser.element(By.id("version-upload"));
                WebElement file =
                        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
                file.sendKeys(
                        RegistryE2ETest.MODELS
                                .resolve("tiny-mlp.onnx")
                                .toAbsolutePath()
                                .toString());

                browser.awaitTrue(
                        "the upload's progress entry",
                        d ->
                                !d.findElements(By.tagName("vaadin-upload-file")).isEmpty()
                                        || !d.findElements(
                                                        By.cssSelector(
                                                                ".status-VALIDATING, .status-READY"))
                                                .isEmpty());
                browser.awaitTrue(
                        "version 1 to turn READY without a reload",
                        d -> !d.findElements(By.cssSelector(".status-READY")).isEmpty());
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
        as("alice")
                .get("/api/v1/tenants/acme/models/" + model + "/versions/1")
                .then()
                .statusCode(200)
                .body("status", equalTo("READY"));
    }

    @Test
    void shouldSubmitATrainingJobAndDrawItsChartLive(TestInfo test) throws Exception {
        String dataset = TrainingE2ETest.uploadCsv(Platform.unique("portal-blobs"), 20_000);
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");
                browser.driver.get(Platform.PORTAL + "/t/acme/training/new?dataset=" + dataset);
                browser.awaitTrue(
                        "the label column proposed from the dataset's profile",
                        d ->
                                "label"
                                        .equals(
                                                d.findElement(By.cssSelector("#job-label input"))
                                                        .getDomProperty("value")));

                WebElement submit = browser.element(By.id("job-submit"));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                        .executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
                submit.click();

                browser.awaitTrue(
                        "the job's page",
                        d -> d.getCurrentUrl().matches(".*/t/acme/training/[0-9a-f-]{36}$"));
                String url = browser.driver.getCurrentUrl();
                browser.awaitTrue("the first epoch on the loss chart", d -> lossPoints(d) >= 1);
                long first = lossPoints(browser.driver);
                browser.awaitTrue(
                        "more epochs on the chart without a reload", d -> lossPoints(d) > first);
                assertThat(browser.driver.getCurrentUrl()).isEqualTo(url);
                browser.awaitTrue(
                        "the job to succeed and link its model version",
                        d -> !d.findElements(By.id("job-result-link")).isEmpty());
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    @Test
    void shouldDeployAVersionCreateAKeyAndTryTheModel(TestInfo test) throws Exception {
        String model = RegistryE2ETest.onnxModel();
        String secret;
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");

                // Deploy version 1 from the Deployments page and watch it turn READY.
                browser.driver.get(Platform.PORTAL + "/t/acme/deployments");
                browser.element(By.id("open-deploy")).click();
                WebElement modelBox = browser.element(By.cssSelector("#deploy-model input"));
                modelBox.sendKeys(model);
                browser.element(
                                By.xpath(
                                        "//vaadin-combo-box-item[normalize-space(.)='"
                                                + model
                                                + "']"))
                        .click();
                browser.awaitTrue(
                        "version 1 proposed",
                        d -> d.findElement(By.id("deploy-version")).getText().contains("v1"));
                browser.element(By.id("deploy-submit")).click();
                browser.awaitTrue(
                        "the deployment READY without a reload",
                        d ->
                                !d.findElements(By.id("undeploy-" + model + "-1")).isEmpty()
                                        && !d.findElements(By.cssSelector(".status-READY"))
                                                .isEmpty());

                // Change its batching while it serves.
                browser.element(By.id("edit-" + model + "-1")).click();
                WebElement batchSize = browser.element(By.cssSelector("#edit-batch-size input"));
                batchSize.sendKeys(Keys.chord(Keys.CONTROL, "a"), "4");
                browser.element(By.id("edit-submit")).click();
                browser.awaitTrue(
                        "the new batching in the list",
                        d -> d.getPageSource().contains("up to 4 per batch, 2 ms wait"));

                // Create a key: its secret is shown once, in a dialog.
                browser.driver.get(Platform.PORTAL + "/t/acme/api-keys");
                browser.element(By.id("create-key")).click();
                browser.element(By.cssSelector("#key-name input")).sendKeys("portal-e2e");
                WebElement invoke =
                        browser.element(
                                By.xpath(
                                        "//*[@id='key-scopes']//vaadin-checkbox[normalize-space(.)"
                                                + "='inference:invoke']"));
                // inference:invoke is proposed; the key keeps it.
                browser.awaitTrue(
                        "inference:invoke checked",
                        d -> "true".equals(invoke.getDomProperty("checked")));
                browser.element(By.id("key-create")).click();
                WebElement shown = browser.element(By.cssSelector("#key-secret input"));
                secret = shown.getDomProperty("value");
                assertThat(secret).startsWith("mlp_");
                browser.element(By.id("key-done")).click();
                browser.awaitTrue(
                        "the dialog closed and the secret gone from the page",
                        d -> !d.getPageSource().contains(secret));

                // Try it: the form is filled from the signature; one click calls the model.
                browser.driver.get(Platform.PORTAL + "/t/acme/models/" + model + "/try");
                browser.element(By.id("try-send")).click();
                browser.awaitTrue(
                        "the model's outputs",
                        d ->
                                !d.findElements(By.id("result-raw")).isEmpty()
                                        && d.findElement(By.id("result-raw"))
                                                .getText()
                                                .contains("logits"));
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
        // The key made in the browser works from a program.
        io.restassured.RestAssured.given()
                .baseUri(Platform.API)
                .header("Authorization", "Bearer " + secret)
                .contentType("application/json")
                .body(
                        "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],"
                                + "\"datatype\":\"FP32\",\"data\":[0.5,-1.0,2.0,0.25]}]}")
                .post("/v2/models/" + model + "/infer")
                .then()
                .statusCode(200)
                .body("outputs[0].name", equalTo("logits"));
    }

    @Test
    void shouldLimitAKeyMadeInThePortalCountItsCallsOnTheUsagePageRotateAndRevokeIt(TestInfo test)
            throws Exception {
        String model = InferenceE2ETest.onnxDeployment("acme", "alice");
        String name = Platform.unique("portal-limited");
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");

                // A key of its own limits, 5 calls/s with a burst of 5.
                browser.driver.get(Platform.PORTAL + "/t/acme/api-keys");
                browser.element(By.id("create-key")).click();
                browser.element(By.cssSelector("#key-name input")).sendKeys(name);
                // Typed with an exponent, as people type learning rates: read as 5.
                browser.element(By.cssSelector("#key-rps input")).sendKeys("0.5e1");
                browser.element(By.cssSelector("#key-burst input")).sendKeys("5");
                browser.element(By.id("key-create")).click();
                String secret =
                        browser.element(By.cssSelector("#key-secret input"))
                                .getDomProperty("value");
                browser.element(By.id("key-done")).click();
                String prefix = secret.substring(0, "mlp_".length() + 12);
                browser.awaitTrue(
                        "the key and its limits in the list",
                        d ->
                                browser.gridRows("api-keys").stream()
                                        .anyMatch(
                                                row ->
                                                        row.contains(name)
                                                                && row.contains(prefix)
                                                                && row.contains("5 /s, burst 5")));

                // Called at 50 calls/s from a program: 429s beyond the limit.
                long accepted = InferenceE2ETest.callAt50PerSecondLimitedTo5(secret, model);

                // The usage page, a line per key, counts exactly the accepted calls.
                browser.driver.get(Platform.PORTAL + "/t/acme/usage");
                browser.element(By.id("usage-group-by")).click();
                browser.element(By.xpath("//vaadin-select-item[normalize-space(.)='API key']"))
                        .click();
                browser.awaitTrue(
                        "the usage table to show " + accepted + " accepted calls of " + name,
                        d -> {
                            d.findElement(By.id("usage-refresh")).click();
                            return browser.gridRows("usage-totals").stream()
                                    .anyMatch(
                                            row ->
                                                    row.get(0).contains(name)
                                                            && row.get(1).equals("100")
                                                            && row.get(2)
                                                                    .equals(Long.toString(accepted))
                                                            && row.get(3)
                                                                    .equals(
                                                                            Long.toString(
                                                                                    100
                                                                                            - accepted)));
                        });

                // Rotate: the new secret works, the old one for the grace period chosen.
                browser.driver.get(Platform.PORTAL + "/t/acme/api-keys");
                browser.element(By.id("rotate-" + prefix)).click();
                browser.element(By.id("key-rotate-confirm")).click();
                String rotated =
                        browser.element(By.cssSelector("#key-secret input"))
                                .getDomProperty("value");
                browser.element(By.id("key-done")).click();
                assertThat(rotated).startsWith("mlp_").isNotEqualTo(secret);
                Thread.sleep(1_000); // the bucket refills
                assertThat(InferenceE2ETest.infer(Platform.API, rotated, model).statusCode())
                        .isEqualTo(200);
                assertThat(InferenceE2ETest.infer(Platform.API, secret, model).statusCode())
                        .isEqualTo(200);

                // Revoke: both secrets refused within a second.
                String rotatedPrefix = rotated.substring(0, prefix.length());
                browser.element(By.id("revoke-" + rotatedPrefix)).click();
                // The confirm dialog's button, not a row's.
                browser.element(
                                By.xpath(
                                        "//vaadin-button[normalize-space(.)='Revoke'"
                                                + " and not(starts-with(@id, 'revoke-'))]"))
                        .click();
                long revoked = System.nanoTime();
                while (InferenceE2ETest.infer(Platform.API, rotated, model).statusCode() != 401
                        || InferenceE2ETest.infer(Platform.API, secret, model).statusCode()
                                != 401) {
                    assertThat(Duration.ofNanos(System.nanoTime() - revoked))
                            .as("both secrets refused after the click on Revoke")
                            .isLessThan(Duration.ofSeconds(1));
                    Thread.sleep(50);
                }
                browser.awaitTrue(
                        "the key shown revoked, without its actions",
                        d -> d.findElements(By.id("revoke-" + rotatedPrefix)).isEmpty());
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    /** Points of the first series (training loss) that the chart element holds. */
    private static long lossPoints(org.openqa.selenium.WebDriver driver) {
        Object count =
                ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                                "const c = document.getElementById('loss-chart');"
                                        + " const s = c && c.series;"
                                        + " const list = typeof s === 'string' ? JSON.parse(s) : s;"
                                        + " return list && list.length ? list[0].points.length : 0;");
        return ((Number) count).longValue();
    }
}
