/* buildid.h - the running program's GNU build id. */
#ifndef SWITCHSIM_BUILDID_H
#define SWITCHSIM_BUILDID_H

/* The build id of the program (not of a shared library) in lower-case hex, or
 * "none" when it was linked without one. */
void sw_build_id(char hex[65]);

#endif
