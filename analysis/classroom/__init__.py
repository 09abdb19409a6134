"""The classroom: exercises, student and teacher copies, worksheet, answer key and marking."""
