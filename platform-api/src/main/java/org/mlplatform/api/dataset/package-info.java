/**
 * Checking and profiling dataset uploads while they stream in, with memory bounded by limits rather
 * than by the upload's size.
 *
 * <ul>
 *   <li>{@link org.mlplatform.api.dataset.CsvProfiler}: strict UTF-8, RFC 4180 CSV with a header
 *       row; infers a type per column and computes statistics and a preview.
 *   <li>{@link org.mlplatform.api.dataset.ImageZipInspector}: a zip of {@code <class>/<image>}
 *       PNG/JPEG files, checked against zip-slip, symlinks and zip bombs before anything is
 *       extracted.
 * </ul>
 *
 * Bad content fails with a {@link org.mlplatform.api.dataset.DatasetFormatException} whose message
 * names the line or entry (the REST layer answers 400 with it).
 */
package org.mlplatform.api.dataset;
