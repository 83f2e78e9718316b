# Renders the man page: docs/sopctl.1.scd -> sopctl.1 with scdoc.
# cmake -DSCDOC=scdoc -DIN=sopctl.1.scd -DOUT=sopctl.1 -DVERSION=x.y.z -DEPOCH=N -P man.cmake
#
# @VERSION@ in the source becomes the project version; the page's date is
# EPOCH (SOURCE_DATE_EPOCH for scdoc), fixed so that the output is
# reproducible and the committed docs/sopctl.1 can be compared byte for byte.
cmake_minimum_required(VERSION 3.20)
file(READ "${IN}" source)
string(REPLACE "@VERSION@" "${VERSION}" source "${source}")
get_filename_component(out_dir "${OUT}" DIRECTORY)
set(expanded "${out_dir}/sopctl.1.scd.expanded")
file(WRITE "${expanded}" "${source}")
set(ENV{SOURCE_DATE_EPOCH} "${EPOCH}")
execute_process(COMMAND "${SCDOC}" INPUT_FILE "${expanded}" OUTPUT_FILE "${OUT}.tmp"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "scdoc failed on ${IN}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
