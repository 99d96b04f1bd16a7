/** Size accounting: measured reports, the closed-form estimate and the build benchmark. */
package org.loopmlp.construction.size;
