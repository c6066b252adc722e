/**
 * The wire types (records) and REST interfaces that platform-api serves and that the portal and the
 * worker call. Server resources implement these interfaces; clients extend them with
 * {@code @RegisterRestClient}, so both sides compile against one definition.
 */
package org.mlplatform.contract;
