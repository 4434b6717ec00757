// A C target needs one source file; everything careerpath uses is in libpq itself.
#include "CLibPQ.h"
