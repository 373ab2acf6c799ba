package dev.wafer.adapter.arrow;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which version of a file a cache entry describes: its size, modification time and file key
 * (the inode on Linux). Wafer writes every data file once under a new name, so a path whose
 * version changed is a file replaced by another tool; what was cached for it no longer holds.
 *
 * @param size bytes
 * @param modified last modification time
 * @param fileKey the file system's identity of the file, or null where it has none
 */
public record FileVersion(long size, FileTime modified, Object fileKey) {

  /** The version the attributes describe. */
  public static FileVersion of(BasicFileAttributes attributes) {
    return new FileVersion(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
  }
}
