/* version.h - the program version. */
#ifndef SWITCHSIM_VERSION_H
#define SWITCHSIM_VERSION_H

#define SWITCHSIM_VERSION "0.1.0"

#endif
