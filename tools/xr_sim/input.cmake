# The simulated runtime's input side, included by this folder's CMakeLists.txt:
#  praxis_xr_sim_stream  the device stream reader/writer, no OpenXR (the praxis CLI writes it)
#  praxis_xr_sim_input   paths, action system, interaction profiles, hand tracking (PIC, linked
#                        into the runtime library and straight into the unit tests)
find_package(nlohmann_json REQUIRED)
find_package(OpenXR REQUIRED)
find_package(glm REQUIRED)

add_library(praxis_xr_sim_stream STATIC ${CMAKE_CURRENT_LIST_DIR}/sim_input_stream.cpp)
target_include_directories(praxis_xr_sim_stream PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(praxis_xr_sim_stream PRIVATE nlohmann_json::nlohmann_json)
set_target_properties(praxis_xr_sim_stream PROPERTIES POSITION_INDEPENDENT_CODE ON)
praxis_target_defaults(praxis_xr_sim_stream)

set(PRAXIS_XR_SIM_INPUT_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/path_table.cpp
    ${CMAKE_CURRENT_LIST_DIR}/interaction_profiles.cpp
    ${CMAKE_CURRENT_LIST_DIR}/interaction_profiles_1_1.cpp
    ${CMAKE_CURRENT_LIST_DIR}/action_system.cpp
    ${CMAKE_CURRENT_LIST_DIR}/action_state.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hand_tracking.cpp)
add_library(praxis_xr_sim_input STATIC ${PRAXIS_XR_SIM_INPUT_SOURCES})
target_include_directories(praxis_xr_sim_input PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(praxis_xr_sim_input PUBLIC OpenXR::headers praxis_xr_sim_stream
                                          PRIVATE glm::glm)
set_target_properties(praxis_xr_sim_input PROPERTIES POSITION_INDEPENDENT_CODE ON
                                                     CXX_VISIBILITY_PRESET hidden)
praxis_target_defaults(praxis_xr_sim_input)
