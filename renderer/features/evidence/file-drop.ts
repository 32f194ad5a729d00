/**
 * Drag-and-drop of files from the system (not of text or links dragged inside the page). Drop
 * targets nest (an item's own zone inside the criterion panel): the innermost one handles the
 * event and marks it with preventDefault; outer ones then only clear their hover state.
 */
import type { DragEvent } from 'react';

export function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function droppedFiles(e: DragEvent): File[] {
  return Array.from(e.dataTransfer?.files ?? []);
}

/** Handlers that make an element a drop target for files; `onOver` reports hover on/off. */
export function fileDropHandlers(onFiles: (files: File[]) => void, onOver: (over: boolean) => void) {
  const hover = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    if (e.defaultPrevented) {
      onOver(false); // an inner drop target takes these files
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    onOver(true);
  };
  return {
    onDragEnter: hover,
    onDragOver: hover,
    onDragLeave: (e: DragEvent) => {
      const to = e.relatedTarget;
      if (to instanceof Node && e.currentTarget.contains(to)) return;
      onOver(false);
    },
    onDrop: (e: DragEvent) => {
      onOver(false);
      if (e.defaultPrevented) return;
      const files = droppedFiles(e);
      if (files.length === 0) return;
      e.preventDefault();
      onFiles(files);
    },
  };
}
