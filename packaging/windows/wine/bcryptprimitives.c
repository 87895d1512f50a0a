/* A test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8.0
 * lacks and Rust's standard library calls (ProcessPrng, for random bytes).
 * It answers from advapi32's RtlGenRandom. Used by wine-check.sh to run
 * barg-cli.exe under Wine; never shipped, never in the installer. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
