package dev.wafer.adapter.ingest.stdf;

/**
 * One part (die or packaged device) as its PRR reports it: a row of table {@code stdf_parts}.
 *
 * @param waferId the WIR in force on the part's head, or null
 * @param deviceId {@code <wafer_id>:<x>:<y>} for a die with coordinates, else PART_ID (else
 *     {@code part<n>}); retests of one device share it
 * @param dieX X_COORD, or null when -32768 (no coordinate)
 * @param softBin SOFT_BIN, or null when 65535 (no soft bin)
 * @param passed from PART_FLG: bit 3 clear; null when bit 4 says the flag is invalid
 * @param insertion 1 for the first test of a device in the file, 2 for its first retest, ...
 * @param testTimeMs TEST_T, or null when 0 (not given)
 * @param timeS WIR START_T of the wafer, else the MIR START_T, in local seconds; -1 when unknown
 * @param offset byte offset of the PRR in the file
 */
public record StdfPart(String waferId, String deviceId, String partId, int head, int site,
    Integer dieX, Integer dieY, int hardBin, Integer softBin, Boolean passed, int partFlg,
    int insertion, int numTest, Double testTimeMs, String partTxt, long timeS, long offset) {}
